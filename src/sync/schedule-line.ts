import { realpathSync } from 'node:fs';
import { join } from 'node:path';

/** How this very program is started again from cron or a timer: the running node and script, or the standalone binary. */
export interface Invocation {
  /** process.execPath. */
  execPath: string;
  /** process.argv[1]: the script node ran, absent (or the binary itself) for a standalone binary. */
  script: string | undefined;
  /** The state folder, where the log goes. */
  stateDir: string;
  /** LETTA_SWITCHBOARD_STATE_DIR and LETTA_SWITCHBOARD_CONFIG_DIR as set now: a job must find the same files. */
  env: Record<string, string | undefined>;
  /** This machine's host name: with the state folder, it picks the job's minute (syncMinute). */
  host: string;
}

/**
 * The minute of the hour the job runs at: the same every time it is printed on one machine for one state folder,
 * and spread over the hour between machines (and folders), so two machines that sync one server rarely sync it at
 * the same minute, when both could replace the same schedule at once. Any minute works: a line printed before at :17 keeps working.
 */
export function syncMinute({ host, stateDir }: Pick<Invocation, 'host' | 'stateDir'>): number {
  // node:crypto loaded here, when a job is printed, not at every command's start.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(`${host}\n${stateDir}`).digest().readUInt32BE(0) % 60;
}

/** The words that start sync: absolute paths, so cron's PATH (/usr/bin:/bin) finds nothing it has to look up. */
export function syncCommand({ execPath, script }: Invocation): string[] {
  const program = realOrSame(execPath);
  const file = script === undefined ? undefined : realOrSame(script);
  const standalone = file === undefined || file === program;
  return [...(standalone ? [program] : [program, file]), 'sync', '--all-agents'];
}

export function syncLogPath(invocation: Invocation): string {
  return join(invocation.stateDir, 'sync.log');
}

const KEPT_ENV = ['LETTA_SWITCHBOARD_STATE_DIR', 'LETTA_SWITCHBOARD_CONFIG_DIR', 'XDG_STATE_HOME', 'XDG_CONFIG_HOME'];

/** A crontab line: hourly at syncMinute, output appended to a log in the state folder (so failures are kept, and `status` shows them). */
export function crontabLine(invocation: Invocation): string {
  const env = KEPT_ENV.filter((name) => invocation.env[name]).map((name) => `${name}=${shellQuote(invocation.env[name]!)}`);
  // cron makes an unescaped % a newline, inside quotes too.
  const command = `${[...env, ...syncCommand(invocation).map(shellQuote)].join(' ')} >> ${shellQuote(syncLogPath(invocation))} 2>&1`;
  return `${syncMinute(invocation)} * * * * ${command.replace(/%/g, '\\%')}`;
}

const SYSTEMD_FOLDER = '.config/systemd/user';
const SYSTEMD_SERVICE = 'letta-switchboard-sync.service';
const SYSTEMD_TIMER = 'letta-switchboard-sync.timer';
const SYSTEMD_ENABLE = `systemctl --user daemon-reload && systemctl --user enable --now ${SYSTEMD_TIMER}`;

/** The systemd user service that runs sync once, its output appended to the log in the state folder. */
function systemdService(invocation: Invocation): string {
  const env = KEPT_ENV.filter((name) => invocation.env[name]).map((name) => `Environment=${systemdQuote(`${name}=${invocation.env[name]}`)}`);
  const log = specifiersOff(syncLogPath(invocation));
  return [
    '[Unit]',
    'Description=Keep letta-switchboard schedules at their local time (sync)',
    '',
    '[Service]',
    'Type=oneshot',
    ...env,
    `ExecStart=${syncCommand(invocation)
      .map((word) => systemdQuote(word).replace(/\$/g, '$$$$'))
      .join(' ')}`,
    `StandardOutput=append:${log}`,
    `StandardError=append:${log}`,
  ].join('\n');
}

/** The systemd user timer that starts the service hourly at syncMinute. */
function systemdTimer(invocation: Invocation): string {
  return [
    '[Unit]',
    'Description=Run letta-switchboard sync every hour',
    '',
    '[Timer]',
    `OnCalendar=*-*-* *:${String(syncMinute(invocation)).padStart(2, '0')}:00`,
    'Persistent=true',
    '',
    '[Install]',
    'WantedBy=timers.target',
  ].join('\n');
}

/** A systemd user service and timer (hourly), for ~/.config/systemd/user/. */
export function systemdUnits(invocation: Invocation): string {
  return [`# ~/${SYSTEMD_FOLDER}/${SYSTEMD_SERVICE}`, systemdService(invocation), '', `# ~/${SYSTEMD_FOLDER}/${SYSTEMD_TIMER}`, systemdTimer(invocation), '', `# Then: ${SYSTEMD_ENABLE}`].join('\n');
}

/** The launchd job's label, and the name of its file in ~/Library/LaunchAgents. */
export const LAUNCHD_LABEL = 'letta-switchboard.sync';
const LAUNCHD_FILE = `Library/LaunchAgents/${LAUNCHD_LABEL}.plist`;
const LAUNCHD_ENABLE = `launchctl bootstrap gui/$(id -u) ~/${LAUNCHD_FILE}`;

/** A launchd agent (macOS): hourly at syncMinute, output appended to the log in the state folder. */
export function launchdPlist(invocation: Invocation): string {
  const string = (value: string) => `<string>${xmlEscape(value)}</string>`;
  const env = KEPT_ENV.filter((name) => invocation.env[name]);
  const log = string(syncLogPath(invocation));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    `<!-- ~/${LAUNCHD_FILE}, then: ${LAUNCHD_ENABLE} -->`,
    '<plist version="1.0">',
    '<dict>',
    `  <key>Label</key>${string(LAUNCHD_LABEL)}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...syncCommand(invocation).map((word) => `    ${string(word)}`),
    '  </array>',
    ...(env.length === 0 ? [] : ['  <key>EnvironmentVariables</key>', '  <dict>', ...env.map((name) => `    <key>${name}</key>${string(invocation.env[name]!)}`), '  </dict>']),
    '  <key>StartCalendarInterval</key>',
    `  <dict><key>Minute</key><integer>${syncMinute(invocation)}</integer></dict>`,
    `  <key>StandardOutPath</key>${log}`,
    `  <key>StandardErrorPath</key>${log}`,
    '</dict>',
    '</plist>',
  ].join('\n');
}

export type JobKind = 'cron' | 'systemd' | 'launchd';

/** A printed sync job as data (`sync --print-* --json`): what runs, when, where it logs, and the files to write or the line to add. */
export interface SyncJobDocument {
  kind: JobKind;
  minute: number;
  command: string[];
  log: string;
  /** cron: the crontab line. */
  line?: string;
  /** systemd, launchd: each file's absolute path and text. */
  files?: Array<{ path: string; text: string }>;
  /** systemd, launchd: the shell command that turns the job on once its files are written. */
  enable?: string;
}

/** The job of `kind`, as printed (text) and as one JSON document; `home` places the unit files. */
export function syncJob(kind: JobKind, invocation: Invocation, home: string): { text: string; document: SyncJobDocument } {
  const common = { kind, minute: syncMinute(invocation), command: syncCommand(invocation), log: syncLogPath(invocation) };
  const file = (path: string, text: string) => ({ path: join(home, path), text: `${text}\n` });
  if (kind === 'cron') {
    const line = crontabLine(invocation);
    return { text: line, document: { ...common, line } };
  }
  if (kind === 'systemd')
    return {
      text: systemdUnits(invocation),
      document: {
        ...common,
        files: [file(join(SYSTEMD_FOLDER, SYSTEMD_SERVICE), systemdService(invocation)), file(join(SYSTEMD_FOLDER, SYSTEMD_TIMER), systemdTimer(invocation))],
        enable: SYSTEMD_ENABLE,
      },
    };
  const plist = launchdPlist(invocation);
  return { text: plist, document: { ...common, files: [file(LAUNCHD_FILE, plist)], enable: LAUNCHD_ENABLE } };
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A word of a unit file: quoted when it needs it, its % doubled so systemd reads no specifier in it. */
function systemdQuote(word: string): string {
  return specifiersOff(/^[A-Za-z0-9_./:=@+-]+$/.test(word) ? word : `"${word.replace(/(["\\])/g, '\\$1')}"`);
}

function specifiersOff(text: string): string {
  return text.replace(/%/g, '%%');
}

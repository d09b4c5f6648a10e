// The `kruispunt` command line. Each sub-command lives in its own file and is loaded lazily
// so that `kruispunt engine …` never starts a database.
const usage = `kruispunt <command>

  start                 start Kruispunt (embedded PostgreSQL unless DATABASE_URL is set)
  migrate               apply database migrations and exit
  seed-demo             (re)create the demo network
  worker                run background jobs only
  engine <problem>      run the engine on a JSON/OR-Library input (see docs/engine.md)
  timetable parse FILE  parse an iCalendar file into busy blocks
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
    case 'migrate':
    case 'seed-demo':
    case 'worker': {
      const { runServerCommand } = await import('./server.ts');
      return runServerCommand(command, rest);
    }
    case 'engine': {
      const { runEngineCommand } = await import('./engine.ts');
      return runEngineCommand(rest);
    }
    case 'timetable': {
      const { runTimetableCommand } = await import('./timetable.ts');
      return runTimetableCommand(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

export {};

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  // A failure the commands did not foresee: one line, the stack only when asked for.
  const debug = /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '');
  const message = error instanceof Error ? error.message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ') : String(error);
  process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : `Kruispunt stopped: ${message} (LOG_LEVEL=debug shows the details)\n`);
  code = 1;
}
// Exit explicitly on failure: open handles (a database server being stopped, timers) would otherwise keep the process alive.
if (code !== 0) process.exit(code);

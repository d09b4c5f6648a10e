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

const code = await main(process.argv.slice(2));
// Exit explicitly on failure: the embedded database's exit hook would otherwise end with 0.
if (code !== 0) process.exit(code);

import { runCheck, type CliIo } from './checkCommand';
import { parseCommandLine } from './cliOptions';
import { helpText } from './helpText';
import { readPackageInfo } from './packageInfo';

/** Runs the command line and returns the exit status; never throws (an internal error is exit status 2). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const tool = readPackageInfo();
    const parsed = parseCommandLine(argv);
    switch (parsed.kind) {
      case 'help':
        io.stdout(helpText(tool.version));
        return 0;
      case 'version':
        io.stdout(`${tool.name} ${tool.version}\n`);
        return 0;
      case 'usage-error':
        io.stderr(parsed.message);
        return 2;
      case 'check':
        return await runCheck(parsed.options, io, tool);
    }
  } catch (error) {
    // A bug of ours: say so with the stack (for a bug report), and fail the run rather than pass it.
    io.stderr(`internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 2;
  }
}

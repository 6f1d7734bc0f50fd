/** `npm run import`: the legacy text importer, or the WordPress one for an export (.xml). */
import { main } from '../import/legacy/command.ts';

process.exitCode = await main(process.argv.slice(2));

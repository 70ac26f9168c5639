// Every option of `adcenter serve` and every store option can also be given as an environment
// variable named after it: --body-limit ↔ ADCENTER_BODY_LIMIT (docker run -e, systemd units,
// CI services). `--help` names each variable; a command-line option wins over its variable.
import { Command, Option } from 'commander';

/** The variable of an option: "--keep-alive-timeout <seconds>" → ADCENTER_KEEP_ALIVE_TIMEOUT. */
export function variableFor(flags: string): string {
  const long = /--([a-z0-9-]+)/i.exec(flags)?.[1];
  if (long === undefined) throw new Error(`option ${flags} has no long name`);
  return `ADCENTER_${long.toUpperCase().replaceAll('-', '_')}`;
}

/** An option that also reads its ADCENTER_* variable. */
export function envOption(flags: string, description: string): Option {
  return new Option(flags, description).env(variableFor(flags));
}

/** Values of a switch's variable that mean "off" (commander alone would take any value for on). */
const OFF = /^(|0|false|no|off)$/i;

/**
 * A command whose `.option(…)` options read their ADCENTER_* variable too, so that an option
 * added later gets one without being told. A switch's variable is on for 1/true/yes and off for
 * 0/false/no/off or empty.
 */
export class EnvironmentCommand extends Command {
  constructor(name?: string) {
    super(name);
    this.hook('preAction', (command) => {
      for (const option of command.options) {
        const key = option.attributeName();
        if (option.envVar === undefined || !option.isBoolean() || command.getOptionValueSource(key) !== 'env') continue;
        if (OFF.test(process.env[option.envVar] ?? '')) command.setOptionValueWithSource(key, option.negate, 'default');
      }
    });
  }

  override createOption(flags: string, description?: string): Option {
    const option = super.createOption(flags, description);
    // commander makes its own --help (and --version) through here too: those read no variable.
    return /--(help|version)\b/.test(flags) ? option : option.env(variableFor(flags));
  }
}

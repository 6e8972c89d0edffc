package io.seatguard.server;

import io.seatguard.server.cli.AppsCommand;
import io.seatguard.server.cli.BackupCommand;
import io.seatguard.server.cli.EmptyVariablesAreUnset;
import io.seatguard.server.cli.EnvironmentValueFaults;
import io.seatguard.server.cli.OperatorsCommand;
import io.seatguard.server.cli.ServeCommand;
import io.seatguard.server.cli.SpacesAroundNumbersAndSwitches;
import io.seatguard.server.cli.UndecodedArguments;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code seatguard serve | apps … | operators … | backup …}: the entry point the {@code ./seatguard} launcher runs. */
@Command(name = "seatguard",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "Self-hosted account-sharing, login and signup protection.",
        subcommands = {ServeCommand.class, AppsCommand.class, OperatorsCommand.class, BackupCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    Main() {}

    public static void main(String[] args) {
        // Must run before any logger exists: picks the JSON log layout when asked for.
        if ("json".equalsIgnoreCase(System.getenv("SEATGUARD_LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        String encoding = System.getProperty("sun.jnu.encoding", "unknown");
        java.util.Optional<String> undecoded = UndecodedArguments.fault(args, encoding).or(() -> UndecodedArguments.fault(System.getenv(), encoding));
        if (undecoded.isPresent()) {
            System.err.println(undecoded.get());
            System.exit(UndecodedArguments.REFUSED);
        }
        int exit = commandLine().execute(args.length == 0 ? new String[] {"serve"} : args);
        if (exit != 0 || args.length == 0 || !args[0].equals("serve")) {
            System.exit(exit);
        }
    }

    /** The command line as {@link #main} runs it, every subcommand with the same reading of the environment. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new EnvironmentValueFaults());
        // Set after the subcommands are added: picocli hands it to those it has at this moment.
        commandLine.setDefaultValueProvider(new EmptyVariablesAreUnset());
        SpacesAroundNumbersAndSwitches.register(commandLine);
        return commandLine;
    }
}

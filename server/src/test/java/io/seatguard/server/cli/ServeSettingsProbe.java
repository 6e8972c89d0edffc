package io.seatguard.server.cli;

import io.seatguard.server.Main;
import io.seatguard.server.config.ConfigException;
import io.seatguard.server.config.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Run in a process of its own by {@link EmptyVariablesAreUnsetTest}: reads {@code serve}'s settings as
 * {@link Main} does, from this process's arguments and environment, and prints how they compare with the
 * defaults (starting no server). A refused setting is said as {@code serve} says it, exit status 2.
 */
public final class ServeSettingsProbe {
    private ServeSettingsProbe() {}

    public static void main(String[] args) {
        List<String> command = new ArrayList<>(List.of("serve"));
        command.addAll(List.of(args));
        ServerConfig config;
        try {
            CommandLine.ParseResult parsed = Main.commandLine().parseArgs(command.toArray(String[]::new));
            config = ((ServeCommand) parsed.subcommand().commandSpec().userObject()).config();
        }
        catch (CommandLine.ParameterException | ConfigException e) {
            System.err.println("seatguard: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("defaults but the network: " + ServerConfig.builder(DataDirText.folder(null)).network(config.network()).build().equals(config));
        System.out.println("network: " + config.network());
        System.out.println("trusted proxies: " + config.trustedProxies());
        System.out.println("port: " + config.port() + ", production: " + config.challenges().production());
    }
}

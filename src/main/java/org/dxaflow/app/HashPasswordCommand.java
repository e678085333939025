package org.dxaflow.app;

import org.dxaflow.access.Passwords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code hash-password}: reads a password from standard input (the first line) and prints its
 * bcrypt hash for conf/users.yaml. The password is never echoed or printed.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Read a password from standard input and print its bcrypt hash for conf/users.yaml.",
                "  echo -n 'a long passphrase' | java -jar dxaflow.jar hash-password"})
final class HashPasswordCommand implements Callable<Integer> {

    /** Shorter passwords are refused: a clinical system's passwords are guessed offline from a leaked hash. */
    static final int MIN_LENGTH = 12;

    @Spec
    CommandSpec spec;

    private final InputStream in;

    HashPasswordCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            spec.commandLine().getErr().println("hash-password: no password on standard input");
            return CommandLine.ExitCode.USAGE;
        }
        if (password.length() < MIN_LENGTH) {
            spec.commandLine().getErr().println("hash-password: the password is shorter than " + MIN_LENGTH
                    + " characters");
            return CommandLine.ExitCode.USAGE;
        }
        spec.commandLine().getOut().println(new Passwords().hash(password));
        spec.commandLine().getOut().flush();
        return CommandLine.ExitCode.OK;
    }
}

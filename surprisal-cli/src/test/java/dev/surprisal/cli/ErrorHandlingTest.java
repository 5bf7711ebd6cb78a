// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** How failures become one line on stderr and an exit code (issue 11). */
class ErrorHandlingTest {
    /** A verb that throws what it is given, mounted under the real root command. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        static Supplier<Throwable> thrown;

        @Option(names = "--rate")
        double rate;

        @DataArgument
        @Option(names = "--weights")
        String weights;

        @Override
        public Integer call() throws Exception {
            Throwable t = thrown.get();
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        }
    }

    private static Cli boom(Supplier<Throwable> t) {
        Boom.thrown = t;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SurprisalCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand(new Boom());
        // picocli hands writers and handlers only to the subcommands present when they are set
        ErrorHandlers handlers = new ErrorHandlers();
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(handlers).setExecutionExceptionHandler(handlers);
        int code = SurprisalCommand.execute(cl, "boom");
        return new Cli(code, out.toString(), err.toString());
    }

    private static void assertOneLine(Cli r) {
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith(ErrorHandlers.PREFIX).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void aBareIllegalArgumentExceptionIsABugNotBadData() {
        Cli r = boom(() -> new IllegalArgumentException("index 7 out of range"));
        assertThat(r.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err()).contains("internal error (a bug), please report it").contains("index 7 out of range");
        assertOneLine(r);
    }

    @Test
    void errorsAreInternalNeverTheAlarmCode() {
        Cli oom = boom(() -> new OutOfMemoryError("Java heap space"));
        assertThat(oom.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(oom.err()).contains("out of memory").contains("SURPRISAL_JAVA_OPTS");
        assertOneLine(oom);
        Cli so = boom(StackOverflowError::new);
        assertThat(so.code()).isEqualTo(ExitCode.INTERNAL);
        assertOneLine(so);
    }

    @Test
    void aValidationOfASettingIsUsageUnderTheOptionName() {
        Cli r = boom(() -> new ValidationException("rate: must be > 0, got -1.0"));
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo(ErrorHandlers.PREFIX + "--rate: must be > 0, got -1.0" + System.lineSeparator());
    }

    @Test
    void aValidationOfDataIsBadDataEvenWhenAnOptionCarriesIt() {
        Cli marked = boom(() -> new ValidationException("weights[2]: is negative (-1.0)"));
        assertThat(marked.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(marked.err()).contains("weights[2]: is negative");
        Cli unnamed = boom(() -> new ValidationException("table: is empty"));
        assertThat(unnamed.code()).isEqualTo(ExitCode.BAD_DATA);
        Cli cliData = boom(() -> new BadDataException("rate: the file has no rates"));
        assertThat(cliData.code()).isEqualTo(ExitCode.BAD_DATA);
        assertOneLine(cliData);
    }

    @Test
    void fileSystemRefusalsAreBadDataWithTheReason() {
        Cli r = boom(() -> new java.nio.file.AccessDeniedException("/root/x.png"));
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).contains("/root/x.png: permission denied");
    }

    @Test
    void realLibraryMessagesUseTheOptionsTheUserTyped() {
        Cli lr = Cli.run("vae", "train", "--lr", "-1", "--out", "unused");
        assertThat(lr.code()).isEqualTo(ExitCode.USAGE);
        assertThat(lr.err()).contains("--lr: must be > 0").doesNotContain("learningRate");
        Cli batch = Cli.run("vae", "train", "--batch-size", "0", "--out", "unused");
        assertThat(batch.code()).isEqualTo(ExitCode.USAGE);
        assertThat(batch.err()).contains("--batch-size").doesNotContain("batchSize:");
        Cli hidden = Cli.run("vae", "train", "--hidden", "2147483647", "--out", "unused");
        assertThat(hidden.code()).isEqualTo(ExitCode.USAGE);
        assertThat(hidden.err()).contains("--hidden: must be in [1, 16384], got 2147483647");
        Cli bytes = Cli.run("file", "--model-bytes", "-1", "/usr/share/common-licenses/Apache-2.0");
        assertThat(bytes.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bytes.err()).contains("--model-bytes: must be >= 1, got -1").doesNotContain("maxModelBytes");
    }

    @Test
    void atFilesAreNotExpanded(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = dir.resolve("args");
        Files.writeString(secret, "root:x:0:0:secret-line\n");
        Cli r = Cli.run("entropy", "@" + secret);
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'@" + secret + "' is not a number").doesNotContain("secret-line");
    }

    @Test
    void unknownVerbsAndOptionsGetSuggestions() {
        Cli verb = Cli.run("entropyy", "0.5", "0.5");
        assertThat(verb.code()).isEqualTo(ExitCode.USAGE);
        assertThat(verb.err()).contains("did you mean entropy");
        Cli option = Cli.run("entropy", "--count", "3", "4");
        assertThat(option.code()).isEqualTo(ExitCode.USAGE);
        assertThat(option.err()).contains("did you mean --counts");
    }
}

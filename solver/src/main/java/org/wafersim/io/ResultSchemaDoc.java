package org.wafersim.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The result table of {@code docs/results.md}, generated from {@link ResultSchema}: the text between the two marker
 * lines is {@link ResultSchema#markdownTable()}. {@code main(PATH)} rewrites that part of the page in place; a test
 * fails while the page differs from the schema.
 */
public final class ResultSchemaDoc {
    public static final String BEGIN = "<!-- BEGIN result table: generated from org.wafersim.io.ResultSchema; "
            + "regenerate with " + ResultSchemaDoc.COMMAND + " -->";
    public static final String END = "<!-- END result table -->";
    /** The command that regenerates the table (run from the repository's top folder). */
    public static final String COMMAND = "mvn -q -B -pl validation -am -DskipTests package && "
            + "java -cp validation/target/wafersim.jar org.wafersim.io.ResultSchemaDoc docs/results.md";

    private ResultSchemaDoc() {
    }

    /** {@code page} with the text between the markers replaced by the generated table. */
    public static String update(String page) {
        int b = page.indexOf(BEGIN), e = page.indexOf(END);
        if (b < 0 || e < b) throw new IllegalArgumentException("the page has no '" + BEGIN + "' ... '" + END + "' block");
        return page.substring(0, b + BEGIN.length()) + "\n" + ResultSchema.markdownTable() + page.substring(e);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultSchemaDoc docs/results.md");
            System.exit(2);
        }
        Path p = Path.of(args[0]);
        Files.writeString(p, update(Files.readString(p, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}

package org.wafersim.validation.validate;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wafersim.errors.InputException;

/**
 * Where the regression cases are when {@code --cases} is not given: {@code validation/cases} under the current
 * folder (the repository root, where {@code ./wafersim} is run), else {@code cases} beside the module the code was
 * loaded from ({@code validation/target/wafersim.jar} or {@code validation/target/classes}, i.e. the tests).
 */
final class CasesFolder {
    private CasesFolder() { }

    static Path locate() {
        Path cwd = Path.of("validation", "cases");
        if (Files.isDirectory(cwd)) return cwd;
        try {
            Path code = Path.of(CasesFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = code.getParent() == null ? null : code.getParent().getParent();
            if (module != null && Files.isDirectory(module.resolve("cases"))) return module.resolve("cases");
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): fall through to the message below
        }
        throw new InputException("--cases", null, "no regression cases folder found (looked for validation/cases "
                + "under the current folder and beside the wafersim jar); run from the repository root or pass --cases DIR");
    }
}

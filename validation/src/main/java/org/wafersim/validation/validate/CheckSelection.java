package org.wafersim.validation.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wafersim.errors.InputException;
import org.wafersim.validation.check.Check;

/** Picks the checks named by {@code --only} (all when none is named); an unknown name is bad input. */
final class CheckSelection {
    private CheckSelection() { }

    static List<Check> select(List<Check> all, List<String> only) {
        if (only == null || only.isEmpty()) return all;
        Set<String> known = new LinkedHashSet<>();
        for (Check c : all) known.add(c.name());
        for (String n : only)
            if (!known.contains(n))
                throw new InputException("--only", null, "unknown check '" + n + "'; checks: " + String.join(", ", known));
        List<Check> out = new ArrayList<>();
        for (Check c : all) if (only.contains(c.name())) out.add(c);
        return out;
    }
}

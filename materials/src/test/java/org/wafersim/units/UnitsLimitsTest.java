package org.wafersim.units;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;

/** Hostile unit texts end in one input error, fast, with a short message (issue 13 reproducers). */
class UnitsLimitsTest {
    @Test
    void thousandsOfNestedParenthesesAreRefusedNotAStackOverflow() {
        String unit = "(".repeat(2000) + "m" + ")".repeat(2000);
        InputException e = assertThrows(InputException.class, () -> Units.parse("1 " + unit, Dimension.LENGTH));
        assertTrue(e.getMessage().length() < 400, "the message does not echo the whole value: " + e.getMessage().length());
    }

    @Test
    void nestingDeeperThanTheLimitIsNamed() {
        String unit = "(".repeat(Units.MAX_NESTING + 1) + "m" + ")".repeat(Units.MAX_NESTING + 1);
        InputException e = assertThrows(InputException.class, () -> Units.parse("1 " + unit, Dimension.LENGTH));
        assertTrue(e.getMessage().contains("nested more than " + Units.MAX_NESTING), e.getMessage());
    }

    @Test
    void nestingWithinTheLimitStillWorks() {
        String unit = "(".repeat(Units.MAX_NESTING) + "mm" + ")".repeat(Units.MAX_NESTING);
        assertEquals(1e-3, Units.parse("1 " + unit, Dimension.LENGTH), 1e-18);
    }

    @Test
    void aHugeValueIsRefusedEarlyWithTheLimitNamed() {
        String text = "1 " + "m*".repeat(2_000_000) + "m";
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(InputException.class, () -> Units.parse(text, Dimension.LENGTH)));
        assertTrue(e.getMessage().contains(String.valueOf(Units.MAX_TEXT_LENGTH)), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "short message");
    }
}

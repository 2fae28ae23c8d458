package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress: a rewritten status line on a terminal, nothing of it in a log or with -q; lines always whole. */
class TerminalProgressTest {
    @Test
    void terminalGetsARewrittenLineAndLogsStayPlain() {
        StringWriter tty = new StringWriter();
        TerminalProgress p = new TerminalProgress(new PrintWriter(tty), false, true);
        p.accept("transient to t = 600 s");
        p.update("transient", 0.5, "step 30, t = 82 s of 600 s");
        p.accept("writing out.h5");
        String s = tty.toString();
        assertTrue(s.contains("\r\u001b[Kwafersim: transient [##########..........]  50 % step 30, t = 82 s of 600 s"), s);
        assertTrue(s.contains("\r\u001b[Kwafersim: writing out.h5\n"), "a line clears the status line first: " + s);

        StringWriter log = new StringWriter();
        TerminalProgress q = new TerminalProgress(new PrintWriter(log), false, false);
        q.accept("transient to t = 600 s");
        q.update("transient", 0.5, "step 30");
        q.done();
        assertEquals("wafersim: transient to t = 600 s\n", log.toString().replace("\r\n", "\n"));

        StringWriter quiet = new StringWriter();
        TerminalProgress r = new TerminalProgress(new PrintWriter(quiet), true, true);
        r.accept("x");
        r.update("transient", 0.5, "step 30");
        assertEquals("", quiet.toString());
    }

    @Test
    void statusHasAnEtaOnceUnderWay() {
        TerminalProgress p = new TerminalProgress(new PrintWriter(new StringWriter()), false, true);
        assertEquals("wafersim: mechanics [##########..........]  50 % state idle (2 of 4), ETA 10 s",
                p.status("mechanics", 0.5, "state idle (2 of 4)", 10));
        assertFalse(p.status("transient", 0.01, "step 1", 10).contains("ETA"), "too early for an ETA");
        assertEquals("2 min", TerminalProgress.duration(120));
        assertEquals("1.5 h", TerminalProgress.duration(5400));
    }
}

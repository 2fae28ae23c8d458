package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void aPointWaitsUntilTheRunningOnesLeaveRoom() throws Exception {
        MemoryBudget b = new MemoryBudget(100);
        b.acquire(60);
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                b.acquire(60);
                started.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertFalse(started.await(200, TimeUnit.MILLISECONDS), "60 + 60 > 100: must wait");
        b.release(60);
        assertTrue(started.await(5, TimeUnit.SECONDS), "admitted once the first finished");
        t.join();
    }

    @Test
    void aPointBiggerThanTheBudgetStillRunsAlone() throws Exception {
        MemoryBudget b = new MemoryBudget(100);
        b.acquire(500);   // must not block forever
        b.release(500);
        b.acquire(40);
        b.acquire(50);    // both fit together
    }
}

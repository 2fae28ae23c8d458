package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;

class ShardTest {
    @Test
    void shardsPartitionThePoints() {
        for (int n = 1; n <= 5; n++)
            for (int index = 0; index < 23; index++) {
                int owners = 0;
                for (int i = 1; i <= n; i++) if (Shard.parse(i + "/" + n).owns(index)) owners++;
                assertEquals(1, owners, "point " + index + " of " + n + " shards");
            }
        assertTrue(new Shard(2, 3).owns(4));
    }

    @Test
    void badShardsAreInputErrorsOnTheOption() {
        for (String s : new String[]{"3/2", "0/2", "1/0", "2", "a/b", "-1/2", "1/2/3", ""}) {
            InputException e = assertThrows(InputException.class, () -> Shard.parse(s), s);
            assertEquals("--shard", e.source());
        }
        assertTrue(assertThrows(InputException.class, () -> Shard.parse("3/2")).getMessage().contains("outside 1..2"));
    }
}

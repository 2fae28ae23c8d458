package org.wafersim.sweep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory limit and CPU quota of this process's control group (Linux kernel documentation, "Control Group v2"
 * for {@code memory.max} and {@code cpu.max}; "cgroups v1" memory and CFS bandwidth control for
 * {@code memory.limit_in_bytes} and {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}). The group is found from
 * {@code /proc/self/cgroup}, its folder from {@code /proc/self/mountinfo}; a limit on a parent group applies too, so
 * the lowest limit from the group up to the mount point counts. Everything unreadable means "no limit".
 */
final class Cgroups {
    /** A v1 limit at or above this is the kernel's "unlimited" (PAGE_COUNTER_MAX in bytes, rounded to pages). */
    private static final long V1_UNLIMITED = 1L << 62;

    private Cgroups() { }

    /** A limit and the file it came from. */
    record Limit(double value, String file) { }

    /** The memory limit in bytes, or null. */
    static Limit memoryLimit(SweepEnvironment e) {
        Limit best = null;
        for (String dir : groupDirs(e, "memory")) {
            boolean v2 = dir.startsWith("2:");
            String path = dir.substring(2) + (v2 ? "/memory.max" : "/memory.limit_in_bytes");
            Long bytes = parseLong(first(e.read(path)));
            if (bytes == null || bytes <= 0 || (!v2 && bytes >= V1_UNLIMITED)) continue;
            if (best == null || bytes < best.value()) best = new Limit(bytes, path);
        }
        return best;
    }

    /** The CPU quota in CPUs (quota / period, may be fractional), or null. */
    static Limit cpuQuota(SweepEnvironment e) {
        Limit best = null;
        for (String dir : groupDirs(e, "cpu")) {
            boolean v2 = dir.startsWith("2:");
            String d = dir.substring(2);
            Long quota, period;
            String file;
            if (v2) {
                String[] f = first(e.read(d + "/cpu.max")) == null ? new String[0] : first(e.read(d + "/cpu.max")).split("\\s+");
                quota = f.length == 2 ? parseLong(f[0]) : null;
                period = f.length == 2 ? parseLong(f[1]) : null;
                file = d + "/cpu.max";
            } else {
                quota = parseLong(first(e.read(d + "/cpu.cfs_quota_us")));
                period = parseLong(first(e.read(d + "/cpu.cfs_period_us")));
                file = d + "/cpu.cfs_quota_us";
            }
            if (quota == null || period == null || quota <= 0 || period <= 0) continue;
            double cpus = (double) quota / period;
            if (best == null || cpus < best.value()) best = new Limit(cpus, file);
        }
        return best;
    }

    /**
     * The folders of this process's group and its parents for one controller, each tagged "1:" (v1) or "2:" (v2):
     * a v1 hierarchy with the controller if there is one, else the unified v2 hierarchy.
     */
    static List<String> groupDirs(SweepEnvironment e, String controller) {
        String cgroup = e.read("/proc/self/cgroup"), mountinfo = e.read("/proc/self/mountinfo");
        List<String> out = new ArrayList<>();
        if (cgroup == null || mountinfo == null) return out;
        String v1Path = null, v2Path = null;
        for (String line : cgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            if (f[0].equals("0") && f[1].isEmpty()) v2Path = f[2].strip();
            else for (String c : f[1].split(",")) if (c.equals(controller)) v1Path = f[2].strip();
        }
        for (String line : mountinfo.split("\n")) {
            // id parent major:minor root mount-point options [optional fields] - fstype source super-options
            int dash = line.indexOf(" - ");
            if (dash < 0) continue;
            String[] pre = line.substring(0, dash).split(" "), post = line.substring(dash + 3).split(" ");
            if (pre.length < 5 || post.length < 1) continue;
            String root = unescape(pre[3]), mount = unescape(pre[4]), type = post[0];
            boolean v1 = type.equals("cgroup") && post.length >= 3 && List.of(post[2].split(",")).contains(controller);
            boolean v2 = type.equals("cgroup2");
            String path = v1 ? v1Path : v2 && v1Path == null ? v2Path : null;
            if ((!v1 && !v2) || path == null) continue;
            // the group's path is relative to the hierarchy's root; the mount shows the hierarchy from 'root' down
            String rel = root.equals("/") ? path : path.startsWith(root) ? path.substring(root.length()) : null;
            if (rel == null) continue;
            String tag = v1 ? "1:" : "2:";
            for (String r = rel; ; r = r.substring(0, r.lastIndexOf('/'))) {
                out.add(tag + (mount + r).replaceAll("/+$", "").replace("//", "/"));
                if (r.isEmpty() || !r.contains("/")) break;
            }
            if (!out.isEmpty()) return out;
        }
        return out;
    }

    private static String first(String text) {
        if (text == null) return null;
        String s = text.strip();
        return s.isEmpty() ? null : s.lines().findFirst().orElse(null);
    }

    private static Long parseLong(String s) {
        if (s == null || !s.strip().matches("-?\\d{1,25}")) return null;
        BigInteger b = new BigInteger(s.strip());
        return b.bitLength() > 63 ? Long.MAX_VALUE : b.longValue();
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}

package parc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux says of a process in {@code /proc}: CPU time and resident memory. */
final class ProcStat {

	/** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on Linux. */
	private static final double TICKS = 100.0;

	private ProcStat() {
	}

	/** User and system CPU of the process itself, in seconds. */
	static double cpuSeconds(long pid) {
		String[] fields = fields(pid);
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
	}

	/** The same plus that of its children it has waited for. */
	static double cpuSecondsWithChildren(long pid) {
		String[] fields = fields(pid);
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
				+ Long.parseLong(fields[14])) / TICKS;
	}

	/**
	 * The process and every process under it, each with its reaped children, so that a
	 * child that ended is counted once. Parc's embedded PostgreSQL is not under the JVM:
	 * {@code pg_ctl} detaches it.
	 */
	static double treeCpuSeconds(long pid) {
		double total = cpuSecondsWithChildren(pid);
		for (ProcessHandle descendant : ProcessHandle.of(pid).orElseThrow().descendants().toList()) {
			try {
				total += cpuSecondsWithChildren(descendant.pid());
			}
			catch (UncheckedIOException ex) {
				// It ended between listing and reading: its parent counts it from now on.
			}
		}
		return total;
	}

	/**
	 * CPU of a process's live threads whose name starts with {@code prefix}, in seconds.
	 * Linux keeps a thread's first 15 characters (the JVM gives it its Java name), so the
	 * prefix must be shorter than that.
	 */
	static double threadsCpuSeconds(long pid, String prefix) {
		double total = 0;
		try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					if (name.startsWith(prefix)) {
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
						total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
					}
				}
				catch (IOException ex) {
					// The thread ended between listing and reading.
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return total;
	}

	/** A {@code /proc/<pid>/status} line's value in MiB, e.g. VmRSS or VmHWM. */
	static long statusMiB(long pid, String key) {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith(key + ":"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
				.findFirst()
				.orElse(-1L);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Fields after the command name, which may hold spaces: index 0 is the state. */
	private static String[] fields(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

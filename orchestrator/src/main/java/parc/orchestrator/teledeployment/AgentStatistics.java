package parc.orchestrator.teledeployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OCS-style statistics of one package delivered through agents: how many machines wait,
 * were notified, or reported each code. The JSON names are a public contract of
 * {@code GET /api/packages/{id}/agent-statistics}.
 *
 * @param packageId the package
 * @param counts machines per state ({@code WAITING_FOR_AGENT}, {@code NOTIFIED}) or per
 * code the agent reported ({@code SUCCESS}, {@code ERR_BAD_DIGEST}...)
 * @param total all of them
 * @param rows the same counts with their share, largest first
 */
public record AgentStatistics(long packageId, Map<String, Long> counts, long total, List<Row> rows) {

	public AgentStatistics {
		counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
		rows = List.copyOf(rows);
	}

	static AgentStatistics of(long packageId, Map<String, Long> counts) {
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		List<Row> rows = counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((entry) -> new Row(entry.getKey(), entry.getValue(),
					(total == 0) ? 0 : Math.round(entry.getValue() * 1000.0 / total) / 10.0))
			.toList();
		return new AgentStatistics(packageId, counts, total, rows);
	}

	/**
	 * @param state a state or a code
	 * @param count machines
	 * @param percent share of the total, one decimal
	 */
	public record Row(String state, long count, double percent) {

		/** Whether this row counts as done. */
		public boolean success() {
			return AgentResultCodes.isSuccess(this.state);
		}

	}

}

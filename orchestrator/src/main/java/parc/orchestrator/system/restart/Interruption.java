package parc.orchestrator.system.restart;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Work left running by a node that is gone: this node's own earlier run, seen at its
 * start, or another node that stopped answering. Rows that name a live node as theirs are
 * never touched.
 *
 * @param at when it was found
 * @param lostNode the node whose stop cut the work
 * @param atStart whether the lost node is this one's earlier run
 * @param liveNodes the nodes whose heartbeats arrive (this one included unless at its
 * start): their work runs on
 */
public record Interruption(Instant at, String lostNode, boolean atStart, Set<String> liveNodes) {

	public Interruption {
		liveNodes = Set.copyOf(liveNodes);
	}

	/** This node starting with no other node alive: everything running was its own. */
	public static Interruption alone(Instant at, String node) {
		return new Interruption(at, node, true, Set.of());
	}

	/**
	 * "interrupted by a restart at 2026-12-05T23:54:22Z", or "interrupted: node parc-b
	 * stopped answering (found at 2026-12-05T23:54:22Z)"
	 */
	public String reason() {
		String when = this.at.truncatedTo(ChronoUnit.SECONDS).toString();
		return this.atStart ? "interrupted by a restart at " + when
				: "interrupted: node " + this.lostNode + " stopped answering (found at " + when + ")";
	}

	/**
	 * Whether no other node runs anything: work that does not record its node may then be
	 * taken as the lost node's.
	 */
	public boolean noOtherNodeAlive() {
		return this.liveNodes.isEmpty();
	}

	/**
	 * The SQL condition "this row's node is gone" on a column naming a row's node, with
	 * its one parameter {@code :liveNodes} ({@link #liveNodesParameter()}). A row that
	 * names no node was written before nodes were recorded: gone too.
	 */
	public static String abandonedBy(String column) {
		if (!column.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a plain SQL name: " + column);
		}
		return "(" + column + " is null or not (" + column + " = any(:liveNodes)))";
	}

	public String[] liveNodesParameter() {
		return this.liveNodes.toArray(String[]::new);
	}

}

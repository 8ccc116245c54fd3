package parc.ocsagent.download;

import java.util.List;

/**
 * The {@code DOWNLOAD} option of a PROLOG reply (protocol §2.4): the worker's settings,
 * always with {@code ON="1"} and a {@code TIMEOUT} (an absent ON turns deployment off, an
 * absent TIMEOUT kills every package at the second period), and the packages offered.
 *
 * @param settings the worker's pace
 * @param offers the packages to fetch; may be empty
 */
public record DownloadOption(WorkerSettings settings, List<Offer> offers) {

	public DownloadOption {
		offers = List.copyOf(offers);
	}

	/**
	 * The {@code CONF} parameter.
	 *
	 * @param fragLatencySeconds pause after each fragment
	 * @param cycleLatencySeconds pause after each cycle
	 * @param periodLatencySeconds pause after each period
	 * @param periodLength cycles per period
	 * @param timeoutDays a package still pending after this many days fails with
	 * ERR_TIMEOUT
	 * @param executionTimeoutMinutes Windows agents only
	 */
	public record WorkerSettings(int fragLatencySeconds, int cycleLatencySeconds, int periodLatencySeconds,
			int periodLength, int timeoutDays, int executionTimeoutMinutes) {

	}

	/**
	 * One {@code PACK} parameter.
	 *
	 * @param id the package's OCS id
	 * @param infoLocation {@code host[:port][/path]}, no scheme: the agent fetches
	 * {@code https://<infoLocation>/<id>/info}
	 * @param fragmentsLocation {@code host[:port][/path]}, no scheme: fragments come from
	 * {@code http://<fragmentsLocation>/<id>/<id>-<n>}
	 * @param force whether the agent runs it even when its history says it already did
	 */
	public record Offer(long id, String infoLocation, String fragmentsLocation, boolean force) {

	}

}

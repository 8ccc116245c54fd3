package parc.orchestrator.deployment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * How a deployment runs, with Pulse 2's defaults for whatever is left out. The JSON names
 * are a public contract of {@code POST /api/deployments} ({@code options}).
 *
 * @param parameters arguments after the package's command, passed as data
 * @param wol when to wake the machine; {@code true} reads as BEFORE_TRANSFER and
 * {@code false} as NEVER (IF_UNREACHABLE when absent)
 * @param startAt not before this instant (now when absent)
 * @param endAt fail what is not done by then (no end when absent)
 * @param intervals the deployment windows, e.g. {@code 2-4} or
 * {@code 3:00-5:00,18:00-20:30} (always open when absent)
 * @param runScript run the install command (yes)
 * @param deleteFiles delete the working folder after success (yes)
 * @param inventoryAfter inventory the machine after success (no)
 * @param shutdownAfter shut the machine down after success (no)
 * @param attempts how many times a failing phase is tried (3)
 * @param attemptDelayMinutes wait between attempts (60)
 * @param maxBandwidth transfer cap in bits per second, 0 for none (0)
 * @param transferMode push, or push/pull (PUSH)
 * @param concurrency how many of the deployment's machines work on the network at once
 * (50)
 */
public record DeploymentOptions(List<String> parameters,
		@JsonDeserialize(using = WakeOnLanModeJson.class) WakeOnLanMode wol, Instant startAt, Instant endAt,
		String intervals, Boolean runScript, Boolean deleteFiles, Boolean inventoryAfter, Boolean shutdownAfter,
		Integer attempts, Integer attemptDelayMinutes, Long maxBandwidth, TransferMode transferMode,
		Integer concurrency) {

	public static final int DEFAULT_ATTEMPTS = 3;

	public static final int DEFAULT_ATTEMPT_DELAY_MINUTES = 60;

	public static final int DEFAULT_CONCURRENCY = 50;

	public static final int MAX_CONCURRENCY = 5000;

	/** Fills Pulse 2's defaults and checks every value. */
	public DeploymentOptions {
		parameters = (parameters != null) ? List.copyOf(parameters) : List.of();
		wol = (wol != null) ? wol : WakeOnLanMode.IF_UNREACHABLE;
		intervals = (intervals != null) ? intervals.trim() : "";
		runScript = (runScript != null) ? runScript : Boolean.TRUE;
		deleteFiles = (deleteFiles != null) ? deleteFiles : Boolean.TRUE;
		inventoryAfter = (inventoryAfter != null) ? inventoryAfter : Boolean.FALSE;
		shutdownAfter = (shutdownAfter != null) ? shutdownAfter : Boolean.FALSE;
		attempts = (attempts != null) ? attempts : DEFAULT_ATTEMPTS;
		attemptDelayMinutes = (attemptDelayMinutes != null) ? attemptDelayMinutes : DEFAULT_ATTEMPT_DELAY_MINUTES;
		maxBandwidth = (maxBandwidth != null) ? maxBandwidth : 0L;
		transferMode = (transferMode != null) ? transferMode : TransferMode.PUSH;
		concurrency = (concurrency != null) ? concurrency : DEFAULT_CONCURRENCY;
		if (parameters.size() > 64
				|| parameters.stream().anyMatch((p) -> p == null || p.length() > 4096 || p.indexOf('\0') >= 0)) {
			throw new InvalidDeploymentOptionException("parameters",
					"at most 64 parameters of at most 4096 characters, without NUL bytes");
		}
		if (startAt != null && endAt != null && !endAt.isAfter(startAt)) {
			throw new InvalidDeploymentOptionException("endAt", "the end date must come after the start date");
		}
		DeploymentWindows.parse(intervals);
		if (attempts < 1 || attempts > 100) {
			throw new InvalidDeploymentOptionException("attempts", "attempts must be 1 to 100");
		}
		if (attemptDelayMinutes < 0 || attemptDelayMinutes > 7 * 24 * 60) {
			throw new InvalidDeploymentOptionException("attemptDelayMinutes",
					"the delay between attempts must be 0 to 10080 minutes (a week)");
		}
		if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new InvalidDeploymentOptionException("concurrency",
					"the number of machines worked on at once must be 1 to " + MAX_CONCURRENCY);
		}
		if (maxBandwidth < 0) {
			throw new InvalidDeploymentOptionException("maxBandwidth",
					"the bandwidth cap must be 0 (none) or positive");
		}
	}

	/** Every default: what a quick deploy uses. */
	public static DeploymentOptions defaults() {
		return builder().build();
	}

	/** Options by name, every one left out taking its default. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Names what differs from the defaults, so that callers need not count fourteen
	 * positional arguments; null leaves an option at its default.
	 */
	public static final class Builder {

		private List<String> parameters;

		private WakeOnLanMode wol;

		private Instant startAt;

		private Instant endAt;

		private String intervals;

		private Boolean runScript;

		private Boolean deleteFiles;

		private Boolean inventoryAfter;

		private Boolean shutdownAfter;

		private Integer attempts;

		private Integer attemptDelayMinutes;

		private Long maxBandwidth;

		private TransferMode transferMode;

		private Integer concurrency;

		private Builder() {
		}

		public Builder parameters(List<String> parameters) {
			this.parameters = parameters;
			return this;
		}

		public Builder wol(WakeOnLanMode wol) {
			this.wol = wol;
			return this;
		}

		public Builder startAt(Instant startAt) {
			this.startAt = startAt;
			return this;
		}

		public Builder endAt(Instant endAt) {
			this.endAt = endAt;
			return this;
		}

		public Builder intervals(String intervals) {
			this.intervals = intervals;
			return this;
		}

		public Builder runScript(Boolean runScript) {
			this.runScript = runScript;
			return this;
		}

		public Builder deleteFiles(Boolean deleteFiles) {
			this.deleteFiles = deleteFiles;
			return this;
		}

		public Builder inventoryAfter(Boolean inventoryAfter) {
			this.inventoryAfter = inventoryAfter;
			return this;
		}

		public Builder shutdownAfter(Boolean shutdownAfter) {
			this.shutdownAfter = shutdownAfter;
			return this;
		}

		public Builder attempts(Integer attempts) {
			this.attempts = attempts;
			return this;
		}

		public Builder attemptDelayMinutes(Integer attemptDelayMinutes) {
			this.attemptDelayMinutes = attemptDelayMinutes;
			return this;
		}

		public Builder maxBandwidth(Long maxBandwidth) {
			this.maxBandwidth = maxBandwidth;
			return this;
		}

		public Builder transferMode(TransferMode transferMode) {
			this.transferMode = transferMode;
			return this;
		}

		public Builder concurrency(Integer concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * @throws InvalidDeploymentOptionException naming the first option out of range
		 */
		public DeploymentOptions build() {
			return new DeploymentOptions(this.parameters, this.wol, this.startAt, this.endAt, this.intervals,
					this.runScript, this.deleteFiles, this.inventoryAfter, this.shutdownAfter, this.attempts,
					this.attemptDelayMinutes, this.maxBandwidth, this.transferMode, this.concurrency);
		}

	}

	public DeploymentWindows windows() {
		return DeploymentWindows.parse(this.intervals);
	}

	/** The transfer cap the SSH adapter takes, in bytes per second. */
	public long maxBytesPerSecond() {
		return this.maxBandwidth / 8;
	}

}

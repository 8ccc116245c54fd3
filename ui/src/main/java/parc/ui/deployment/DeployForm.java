package parc.ui.deployment;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.TransferMode;
import parc.orchestrator.deployment.WakeOnLanMode;

/**
 * The deploy page's form. The quick deploy shows the package, the machines and the two
 * toggles Pulse 2 puts first (Wake-on-LAN, inventory after); the advanced part every
 * option, with Pulse 2's defaults filled in. Dates are wall-clock times in the server's
 * deployment zone.
 */
public class DeployForm {

	private Long packageId;

	private List<Long> machineIds = new ArrayList<>();

	/** A group instead of chosen machines: its members at launch. */
	private Long groupId;

	private boolean advanced;

	private WakeOnLanMode wol = WakeOnLanMode.IF_UNREACHABLE;

	private boolean inventoryAfter;

	private String parameters = "";

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime startAt;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime endAt;

	private String intervals = "";

	private boolean runScript = true;

	private boolean deleteFiles = true;

	private boolean shutdownAfter;

	private Integer attempts = DeploymentOptions.DEFAULT_ATTEMPTS;

	private Integer attemptDelayMinutes = DeploymentOptions.DEFAULT_ATTEMPT_DELAY_MINUTES;

	private Long maxBandwidth = 0L;

	private TransferMode transferMode = TransferMode.PUSH;

	private Integer concurrency = DeploymentOptions.DEFAULT_CONCURRENCY;

	/**
	 * The bundle composer's rows: a package and its level each; empty rows are ignored.
	 */
	private List<Long> bundlePackageIds = new ArrayList<>(java.util.Collections.nCopies(BUNDLE_ROWS, null));

	private List<Integer> bundleLevels = new ArrayList<>(List.of(1, 1, 2, 3, 4, 5).subList(0, BUNDLE_ROWS));

	/** Rows the bundle composer shows. */
	static final int BUNDLE_ROWS = 5;

	/** The bundle's packages, or empty when the form deploys one package. */
	List<parc.orchestrator.deployment.BundleItem> bundle() {
		List<parc.orchestrator.deployment.BundleItem> items = new ArrayList<>();
		for (int i = 0; i < this.bundlePackageIds.size(); i++) {
			Long pkg = this.bundlePackageIds.get(i);
			if (pkg != null) {
				Integer level = (i < this.bundleLevels.size()) ? this.bundleLevels.get(i) : null;
				items.add(new parc.orchestrator.deployment.BundleItem(pkg, (level != null) ? level : 1));
			}
		}
		return items;
	}

	public List<Long> getBundlePackageIds() {
		return this.bundlePackageIds;
	}

	public void setBundlePackageIds(List<Long> bundlePackageIds) {
		this.bundlePackageIds = (bundlePackageIds != null) ? bundlePackageIds : new ArrayList<>();
	}

	public List<Integer> getBundleLevels() {
		return this.bundleLevels;
	}

	public void setBundleLevels(List<Integer> bundleLevels) {
		this.bundleLevels = (bundleLevels != null) ? bundleLevels : new ArrayList<>();
	}

	/**
	 * The options as the service takes them; the quick deploy leaves everything but its
	 * two toggles to the defaults.
	 * @throws parc.orchestrator.deployment.InvalidDeploymentOptionException naming the
	 * field at fault
	 */
	DeploymentOptions toOptions(ZoneId zone) {
		if (!this.advanced) {
			return DeploymentOptions.builder().wol(this.wol).inventoryAfter(this.inventoryAfter).build();
		}
		List<String> lines = Arrays.stream(this.parameters.split("\\R")).filter((line) -> !line.isBlank()).toList();
		return DeploymentOptions.builder()
			.parameters(lines)
			.wol(this.wol)
			.startAt((this.startAt != null) ? this.startAt.atZone(zone).toInstant() : null)
			.endAt((this.endAt != null) ? this.endAt.atZone(zone).toInstant() : null)
			.intervals(this.intervals)
			.runScript(this.runScript)
			.deleteFiles(this.deleteFiles)
			.inventoryAfter(this.inventoryAfter)
			.shutdownAfter(this.shutdownAfter)
			.attempts(this.attempts)
			.attemptDelayMinutes(this.attemptDelayMinutes)
			.maxBandwidth(this.maxBandwidth)
			.transferMode(this.transferMode)
			.concurrency(this.concurrency)
			.build();
	}

	public Long getPackageId() {
		return this.packageId;
	}

	public void setPackageId(Long packageId) {
		this.packageId = packageId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public List<Long> getMachineIds() {
		return this.machineIds;
	}

	public void setMachineIds(List<Long> machineIds) {
		this.machineIds = (machineIds != null) ? machineIds : new ArrayList<>();
	}

	public boolean isAdvanced() {
		return this.advanced;
	}

	public void setAdvanced(boolean advanced) {
		this.advanced = advanced;
	}

	public WakeOnLanMode getWol() {
		return this.wol;
	}

	public void setWol(WakeOnLanMode wol) {
		this.wol = wol;
	}

	public boolean isInventoryAfter() {
		return this.inventoryAfter;
	}

	public void setInventoryAfter(boolean inventoryAfter) {
		this.inventoryAfter = inventoryAfter;
	}

	public String getParameters() {
		return this.parameters;
	}

	public void setParameters(String parameters) {
		this.parameters = (parameters != null) ? parameters : "";
	}

	public LocalDateTime getStartAt() {
		return this.startAt;
	}

	public void setStartAt(LocalDateTime startAt) {
		this.startAt = startAt;
	}

	public LocalDateTime getEndAt() {
		return this.endAt;
	}

	public void setEndAt(LocalDateTime endAt) {
		this.endAt = endAt;
	}

	public String getIntervals() {
		return this.intervals;
	}

	public void setIntervals(String intervals) {
		this.intervals = (intervals != null) ? intervals : "";
	}

	public boolean isRunScript() {
		return this.runScript;
	}

	public void setRunScript(boolean runScript) {
		this.runScript = runScript;
	}

	public boolean isDeleteFiles() {
		return this.deleteFiles;
	}

	public void setDeleteFiles(boolean deleteFiles) {
		this.deleteFiles = deleteFiles;
	}

	public boolean isShutdownAfter() {
		return this.shutdownAfter;
	}

	public void setShutdownAfter(boolean shutdownAfter) {
		this.shutdownAfter = shutdownAfter;
	}

	public Integer getAttempts() {
		return this.attempts;
	}

	public void setAttempts(Integer attempts) {
		this.attempts = attempts;
	}

	public Integer getAttemptDelayMinutes() {
		return this.attemptDelayMinutes;
	}

	public void setAttemptDelayMinutes(Integer attemptDelayMinutes) {
		this.attemptDelayMinutes = attemptDelayMinutes;
	}

	public Long getMaxBandwidth() {
		return this.maxBandwidth;
	}

	public void setMaxBandwidth(Long maxBandwidth) {
		this.maxBandwidth = maxBandwidth;
	}

	public TransferMode getTransferMode() {
		return this.transferMode;
	}

	public void setTransferMode(TransferMode transferMode) {
		this.transferMode = transferMode;
	}

	public Integer getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(Integer concurrency) {
		this.concurrency = concurrency;
	}

}

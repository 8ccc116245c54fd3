package parc.ui.schedule;

import java.util.Arrays;
import java.util.List;

import parc.orchestrator.schedule.InvalidScheduleException;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleDraft;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.schedule.ScheduleTarget;

/**
 * The console's schedule form: the target and the recurrence as a choice and its value,
 * the networks as a comma-separated list of ids.
 */
public class ScheduleForm {

	public enum TargetMode {

		ALL, GROUP, NETWORKS

	}

	public enum RecurrenceMode {

		CRON, HOURS

	}

	private String name = "";

	private ScheduleKind kind = ScheduleKind.AGENTLESS_INVENTORY;

	private TargetMode targetMode = TargetMode.ALL;

	private Long groupId;

	private String networkIds = "";

	private RecurrenceMode recurrenceMode = RecurrenceMode.CRON;

	private String cron = "0 30 3 * * ?";

	private Integer everyHours = 24;

	private String window = "";

	private int concurrency = ScheduleService.DEFAULT_CONCURRENCY;

	private boolean enabled = true;

	static ScheduleForm of(Schedule schedule) {
		ScheduleForm form = new ScheduleForm();
		form.name = schedule.name();
		form.kind = schedule.kind();
		ScheduleTarget target = schedule.target();
		form.targetMode = target.all() ? TargetMode.ALL
				: (target.groupId() != null) ? TargetMode.GROUP : TargetMode.NETWORKS;
		form.groupId = target.groupId();
		form.networkIds = (target.networkIds() == null) ? ""
				: String.join(", ", target.networkIds().stream().map(String::valueOf).toList());
		form.recurrenceMode = (schedule.recurrence().cron() != null) ? RecurrenceMode.CRON : RecurrenceMode.HOURS;
		form.cron = (schedule.recurrence().cron() != null) ? schedule.recurrence().cron() : "";
		form.everyHours = schedule.recurrence().everyHours();
		form.window = (schedule.window() == null) ? "" : schedule.window().toString();
		form.concurrency = schedule.concurrency();
		form.enabled = schedule.enabled();
		return form;
	}

	/**
	 * @throws InvalidScheduleException naming the form's field at fault
	 */
	ScheduleDraft toDraft() {
		ScheduleTarget target = switch (this.targetMode) {
			case ALL -> ScheduleTarget.everything();
			case GROUP -> {
				if (this.groupId == null) {
					throw new InvalidScheduleException("groupId", "Choose a group");
				}
				yield ScheduleTarget.group(this.groupId);
			}
			case NETWORKS -> ScheduleTarget.networks(networks());
		};
		boolean byCron = this.recurrenceMode == RecurrenceMode.CRON;
		return new ScheduleDraft(this.name, this.kind, target, byCron ? this.cron : null,
				byCron ? null : this.everyHours, this.window, this.concurrency, this.enabled);
	}

	private List<Long> networks() {
		try {
			List<Long> ids = Arrays.stream(this.networkIds.split("[,\\s]+"))
				.filter((id) -> !id.isBlank())
				.map(Long::valueOf)
				.toList();
			if (ids.isEmpty()) {
				throw new InvalidScheduleException("networkIds", "Give at least one network id");
			}
			return ids;
		}
		catch (NumberFormatException ex) {
			throw new InvalidScheduleException("networkIds", "Network ids are numbers separated by commas");
		}
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ScheduleKind getKind() {
		return this.kind;
	}

	public void setKind(ScheduleKind kind) {
		this.kind = kind;
	}

	public TargetMode getTargetMode() {
		return this.targetMode;
	}

	public void setTargetMode(TargetMode targetMode) {
		this.targetMode = targetMode;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public String getNetworkIds() {
		return this.networkIds;
	}

	public void setNetworkIds(String networkIds) {
		this.networkIds = (networkIds == null) ? "" : networkIds;
	}

	public RecurrenceMode getRecurrenceMode() {
		return this.recurrenceMode;
	}

	public void setRecurrenceMode(RecurrenceMode recurrenceMode) {
		this.recurrenceMode = recurrenceMode;
	}

	public String getCron() {
		return this.cron;
	}

	public void setCron(String cron) {
		this.cron = cron;
	}

	public Integer getEveryHours() {
		return this.everyHours;
	}

	public void setEveryHours(Integer everyHours) {
		this.everyHours = everyHours;
	}

	public String getWindow() {
		return this.window;
	}

	public void setWindow(String window) {
		this.window = window;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}

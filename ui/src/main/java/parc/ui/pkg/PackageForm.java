package parc.ui.pkg;

import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.AgentAction;
import parc.orchestrator.pkg.AgentPackageSettings;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.SoftwarePackage;

/**
 * The package form: metadata, and where the files come from (files, archive or folder).
 */
public class PackageForm {

	private String label;

	private String version;

	private String description;

	private String command;

	private OsFamily osFamily = OsFamily.LINUX;

	private boolean needsReboot;

	private String source = "files";

	private String serverFolder;

	private AgentAction action = AgentAction.EXECUTE;

	private String launch;

	private String storePath;

	private Integer priority = AgentPackageSettings.DEFAULT_PRIORITY;

	private Integer fragmentSizeKb = AgentPackageSettings.DEFAULT_FRAGMENT_SIZE_KB;

	private boolean notifyUser;

	private String notifyText;

	private Integer notifyCountdown;

	private boolean notifyCanAbort;

	private boolean notifyCanDelay;

	private String doneActionText;

	static PackageForm of(SoftwarePackage pkg) {
		PackageForm form = new PackageForm();
		form.label = pkg.label();
		form.version = pkg.version();
		form.description = pkg.description();
		form.command = pkg.command();
		form.osFamily = pkg.osFamily();
		form.needsReboot = pkg.needsReboot();
		AgentPackageSettings agent = pkg.agent();
		form.action = agent.action();
		form.launch = agent.launch();
		form.storePath = agent.storePath();
		form.priority = agent.priority();
		form.fragmentSizeKb = agent.fragmentSizeKb();
		form.notifyUser = Boolean.TRUE.equals(agent.notifyUser());
		form.notifyText = agent.notifyText();
		form.notifyCountdown = agent.notifyCountdown();
		form.notifyCanAbort = Boolean.TRUE.equals(agent.notifyCanAbort());
		form.notifyCanDelay = Boolean.TRUE.equals(agent.notifyCanDelay());
		form.doneActionText = agent.doneActionText();
		return form;
	}

	PackageDraft toDraft() {
		return new PackageDraft(this.label, this.version, this.description, this.command, this.osFamily,
				this.needsReboot, null,
				new AgentPackageSettings(this.action, this.launch, this.storePath, this.priority, this.notifyUser,
						this.notifyText, this.notifyCountdown, this.notifyCanAbort, this.notifyCanDelay,
						this.doneActionText, this.fragmentSizeKb));
	}

	public AgentAction getAction() {
		return this.action;
	}

	public void setAction(AgentAction action) {
		this.action = action;
	}

	public String getLaunch() {
		return this.launch;
	}

	public void setLaunch(String launch) {
		this.launch = launch;
	}

	public String getStorePath() {
		return this.storePath;
	}

	public void setStorePath(String storePath) {
		this.storePath = storePath;
	}

	public Integer getPriority() {
		return this.priority;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

	public Integer getFragmentSizeKb() {
		return this.fragmentSizeKb;
	}

	public void setFragmentSizeKb(Integer fragmentSizeKb) {
		this.fragmentSizeKb = fragmentSizeKb;
	}

	public boolean isNotifyUser() {
		return this.notifyUser;
	}

	public void setNotifyUser(boolean notifyUser) {
		this.notifyUser = notifyUser;
	}

	public String getNotifyText() {
		return this.notifyText;
	}

	public void setNotifyText(String notifyText) {
		this.notifyText = notifyText;
	}

	public Integer getNotifyCountdown() {
		return this.notifyCountdown;
	}

	public void setNotifyCountdown(Integer notifyCountdown) {
		this.notifyCountdown = notifyCountdown;
	}

	public boolean isNotifyCanAbort() {
		return this.notifyCanAbort;
	}

	public void setNotifyCanAbort(boolean notifyCanAbort) {
		this.notifyCanAbort = notifyCanAbort;
	}

	public boolean isNotifyCanDelay() {
		return this.notifyCanDelay;
	}

	public void setNotifyCanDelay(boolean notifyCanDelay) {
		this.notifyCanDelay = notifyCanDelay;
	}

	public String getDoneActionText() {
		return this.doneActionText;
	}

	public void setDoneActionText(String doneActionText) {
		this.doneActionText = doneActionText;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getCommand() {
		return this.command;
	}

	public void setCommand(String command) {
		this.command = command;
	}

	public OsFamily getOsFamily() {
		return this.osFamily;
	}

	public void setOsFamily(OsFamily osFamily) {
		this.osFamily = osFamily;
	}

	public boolean isNeedsReboot() {
		return this.needsReboot;
	}

	public void setNeedsReboot(boolean needsReboot) {
		this.needsReboot = needsReboot;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getServerFolder() {
		return this.serverFolder;
	}

	public void setServerFolder(String serverFolder) {
		this.serverFolder = serverFolder;
	}

}

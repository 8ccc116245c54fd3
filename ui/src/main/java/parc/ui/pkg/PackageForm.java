package parc.ui.pkg;

import parc.orchestrator.machine.OsFamily;
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

	static PackageForm of(SoftwarePackage pkg) {
		PackageForm form = new PackageForm();
		form.label = pkg.label();
		form.version = pkg.version();
		form.description = pkg.description();
		form.command = pkg.command();
		form.osFamily = pkg.osFamily();
		form.needsReboot = pkg.needsReboot();
		return form;
	}

	PackageDraft toDraft() {
		return new PackageDraft(this.label, this.version, this.description, this.command, this.osFamily,
				this.needsReboot, null);
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

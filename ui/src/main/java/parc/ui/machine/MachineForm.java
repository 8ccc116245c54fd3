package parc.ui.machine;

import java.util.Arrays;
import java.util.List;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.OsFamily;

/**
 * The create/edit form as the browser sends it: MAC addresses and tags as free text, one
 * per line or separated by commas. Validation is not repeated here: the form becomes a
 * {@link MachineDraft} and the service's rules apply.
 */
public class MachineForm {

	private String name;

	private String address;

	private String macAddresses;

	private OsFamily osFamily = OsFamily.LINUX;

	private Channel channel = Channel.AGENTLESS_SSH;

	private Integer sshPort;

	private String sshUser;

	private Long credentialId;

	private String tags;

	private String notes;

	/**
	 * The version the edit started from, so that a concurrent change is not overwritten.
	 */
	private Integer version;

	static MachineForm of(Machine machine) {
		MachineForm form = new MachineForm();
		form.name = machine.name();
		form.address = machine.address();
		form.macAddresses = String.join("\n", machine.macAddresses());
		form.osFamily = machine.osFamily();
		form.channel = machine.channel();
		form.sshPort = machine.sshPort();
		form.sshUser = machine.sshUser();
		form.credentialId = machine.credentialId();
		form.tags = String.join(", ", machine.tags());
		form.notes = machine.notes();
		form.version = machine.version();
		return form;
	}

	MachineDraft toDraft() {
		return new MachineDraft(this.name, this.address, split(this.macAddresses), this.osFamily, this.channel,
				this.sshPort, this.sshUser, this.credentialId, split(this.tags), this.notes, this.version);
	}

	private static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\n\\r]+")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getMacAddresses() {
		return this.macAddresses;
	}

	public void setMacAddresses(String macAddresses) {
		this.macAddresses = macAddresses;
	}

	public OsFamily getOsFamily() {
		return this.osFamily;
	}

	public void setOsFamily(OsFamily osFamily) {
		this.osFamily = osFamily;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public Integer getSshPort() {
		return this.sshPort;
	}

	public void setSshPort(Integer sshPort) {
		this.sshPort = sshPort;
	}

	public String getSshUser() {
		return this.sshUser;
	}

	public void setSshUser(String sshUser) {
		this.sshUser = sshUser;
	}

	public Long getCredentialId() {
		return this.credentialId;
	}

	public void setCredentialId(Long credentialId) {
		this.credentialId = credentialId;
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}

package parc.ui.network;

import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkDraft;

/** The console's network form. */
public class NetworkForm {

	private String name;

	private String address;

	private String description;

	private String site;

	private boolean ignored;

	static NetworkForm of(Network network) {
		NetworkForm form = new NetworkForm();
		form.name = network.name();
		form.address = network.cidr();
		form.description = network.description();
		form.site = network.site();
		form.ignored = network.ignored();
		return form;
	}

	NetworkDraft toDraft() {
		return new NetworkDraft(this.name, this.address, this.description, this.site, this.ignored);
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

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getSite() {
		return this.site;
	}

	public void setSite(String site) {
		this.site = site;
	}

	public boolean isIgnored() {
		return this.ignored;
	}

	public void setIgnored(boolean ignored) {
		this.ignored = ignored;
	}

}

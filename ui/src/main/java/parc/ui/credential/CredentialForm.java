package parc.ui.credential;

import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialType;

/**
 * The credential form. Secret fields are never filled from a stored credential: the page
 * only ever sends them one way.
 */
public class CredentialForm {

	private String name;

	private CredentialType type = CredentialType.SSH_KEY;

	private String username;

	private String privateKey;

	private String passphrase;

	private String password;

	static CredentialForm of(Credential credential) {
		CredentialForm form = new CredentialForm();
		form.name = credential.name();
		form.type = credential.type();
		form.username = credential.username();
		return form;
	}

	CredentialDraft toDraft() {
		return new CredentialDraft(this.name, this.type, this.username, this.privateKey, this.passphrase,
				this.password);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public CredentialType getType() {
		return this.type;
	}

	public void setType(CredentialType type) {
		this.type = type;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPrivateKey() {
		return this.privateKey;
	}

	public void setPrivateKey(String privateKey) {
		this.privateKey = privateKey;
	}

	public String getPassphrase() {
		return this.passphrase;
	}

	public void setPassphrase(String passphrase) {
		this.passphrase = passphrase;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}

package parc.orchestrator.credential;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator gives to store or replace a credential. On a change, an empty
 * secret keeps the stored one, so renaming does not mean pasting the key again.
 *
 * @param name unique name, 1 to 255 characters
 * @param type key or password
 * @param username login, optional
 * @param privateKey for {@link CredentialType#SSH_KEY}: the key's text (OpenSSH or PEM)
 * @param passphrase the key's passphrase, when it has one
 * @param password for {@link CredentialType#PASSWORD}
 */
public record CredentialDraft(@NotBlank @Size(max = 255) String name, @NotNull CredentialType type,
		@Size(max = 64) @Pattern(regexp = "\\s*[^\\s:@]*\\s*", message = "{parc.validation.sshUser}") String username,
		@Size(max = 32768) String privateKey, @Size(max = 1024) String passphrase, @Size(max = 1024) String password) {

	@Override
	public String toString() {
		return "CredentialDraft[name=" + this.name + ", type=" + this.type + ", username=" + this.username + "]";
	}

}

package parc.ui.credential;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;

/**
 * {@code /api/credentials}: store, list, replace and delete credentials. Answers carry
 * {@code id, name, type, username, keyType, fingerprint} and timestamps, never a secret.
 */
@RestController
@RequestMapping("/api/credentials")
@Tag(name = "Credentials", description = "SSH keys and passwords for agentless machines; secrets are write-only")
class CredentialApiController {

	private final CredentialService credentials;

	CredentialApiController(CredentialService credentials) {
		this.credentials = credentials;
	}

	@GetMapping
	@Operation(summary = "Every credential, by name, without secrets")
	List<Credential> list() {
		return this.credentials.list();
	}

	@GetMapping("/{id}")
	Credential get(@PathVariable long id) {
		return this.credentials.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Store a key (type SSH_KEY: privateKey, passphrase) or a password (type PASSWORD)")
	Credential create(@RequestBody CredentialDraft draft) {
		return this.credentials.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename or replace; empty secret fields keep the stored secret")
	Credential replace(@PathVariable long id, @RequestBody CredentialDraft draft) {
		return this.credentials.replace(id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a credential no machine uses")
	void delete(@PathVariable long id) {
		this.credentials.delete(id);
	}

}

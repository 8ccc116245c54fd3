package parc.ui.agentless;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.hostkey.HostKey;
import parc.orchestrator.hostkey.HostKeyService;

/**
 * {@code /api/host-keys}: recorded SSH host keys, approval and acceptance of a changed
 * key.
 */
@RestController
@RequestMapping("/api/host-keys")
@Tag(name = "Host keys", description = "SSH host keys of agentless machines")
class HostKeyApiController {

	private final HostKeyService hostKeys;

	HostKeyApiController(HostKeyService hostKeys) {
		this.hostKeys = hostKeys;
	}

	@GetMapping
	List<HostKey> list() {
		return this.hostKeys.list();
	}

	@PostMapping("/accept")
	@Operation(
			summary = "Replace the recorded key by the changed one the server presented; give the fingerprint you checked")
	HostKey accept(@Valid @RequestBody KeyChoice choice, Principal principal) {
		return this.hostKeys.acceptPresentedKey(choice.host(), choice.port(), choice.fingerprint(),
				principal.getName());
	}

	@PostMapping("/approve")
	@Operation(summary = "Trust a first-seen key that waits for approval")
	HostKey approve(@Valid @RequestBody KeyChoice choice, Principal principal) {
		return this.hostKeys.approve(choice.host(), choice.port(), choice.fingerprint(), principal.getName());
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Forget a host's key: the next contact is a first contact")
	void forget(@RequestParam String host, @RequestParam int port) {
		this.hostKeys.forget(host, port);
	}

	/**
	 * @param host as the machine's address
	 * @param port SSH port
	 * @param fingerprint the fingerprint the administrator compared
	 */
	record KeyChoice(@NotBlank @Size(max = 253) String host, @Min(1) @Max(65535) int port,
			@NotBlank @Size(max = 200) String fingerprint) {

	}

}

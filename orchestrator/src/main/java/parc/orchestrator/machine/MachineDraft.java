package parc.orchestrator.machine;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator gives to register or change a machine, from the console form or
 * the REST API. The validation rules here are the only ones: both doors report them with
 * the field's name.
 *
 * @param name unique name, 1 to 255 characters
 * @param address host name or IP address
 * @param macAddresses MAC addresses in any usual notation ({@code aa:bb:..},
 * {@code AA-BB-..}, {@code aabb.ccdd.eeff}, 12 hex digits)
 * @param osFamily operating system family; OTHER when unknown
 * @param channel how Parc reaches it
 * @param sshPort 1 to 65535; 22 when left empty on an agentless machine
 * @param sshUser SSH login, without spaces
 * @param credentialId credential reference, optional
 * @param tags free labels, each 1 to 64 characters
 * @param notes free text, up to 4000 characters
 * @param version on update, the version the change is based on; null skips the check
 * (scripts that do not care)
 */
public record MachineDraft(@NotBlank @Size(max = 255) String name,
		@NotBlank @Size(max = 253) @NetworkAddress String address,
		@Size(max = 16) List<@NotNull @MacAddress String> macAddresses, @NotNull OsFamily osFamily,
		@NotNull Channel channel, @Min(1) @Max(65535) Integer sshPort,
		@Size(max = 64) @Pattern(regexp = "\\s*[^\\s:@]*\\s*", message = "{parc.validation.sshUser}") String sshUser,
		@Min(1) Long credentialId, @Size(max = 32) List<@NotBlank @Size(max = 64) String> tags,
		@Size(max = 4000) String notes, @Min(0) Integer version) {

	public MachineDraft {
		macAddresses = (macAddresses != null) ? macAddresses : List.of();
		tags = (tags != null) ? tags : List.of();
	}

}

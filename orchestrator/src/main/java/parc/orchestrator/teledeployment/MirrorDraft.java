package parc.orchestrator.teledeployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A mirror to add. The JSON names are a public contract of {@code POST
 * /api/packages/{id}/mirrors}.
 *
 * @param infoLocation {@code host[:port][/path]} of the {@code info} files, no scheme
 * @param fragmentsLocation {@code host[:port][/path]} of the fragments, no scheme
 * @param network the machines it serves: an address or CIDR block
 * @param tag or the machines with this tag
 */
public record MirrorDraft(@NotBlank @Size(max = 255) String infoLocation,
		@NotBlank @Size(max = 255) String fragmentsLocation, @Size(max = 64) String network,
		@Size(max = 255) String tag) {

}

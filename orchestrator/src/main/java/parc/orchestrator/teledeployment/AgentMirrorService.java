package parc.orchestrator.teledeployment;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.machine.Machine;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;

/**
 * Mirrors: other places agents of one network or tag fetch a package from. A mirror is
 * usable only once Parc fetched, from its locations, the {@code info} file and every
 * fragment of each of the package's builds and found them identical: a missing fragment
 * would keep agents polling for days (protocol §4.8, rule 3). Otherwise Parc says which
 * file failed.
 */
@Service
@Validated
public class AgentMirrorService {

	/** {@code host[:port][/path]}: what an agent puts after https:// or http://. */
	private static final Pattern LOCATION = Pattern
		.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.\\-]+)(:\\d{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/\\-]*)?");

	private static final String INFO = "info";

	private final AgentMirrorRepository repository;

	private final AgentPackageBuilds builds;

	private final PackageService packages;

	private final MirrorFetchGateway fetcher;

	private final Clock clock;

	AgentMirrorService(AgentMirrorRepository repository, AgentPackageBuilds builds, PackageService packages,
			MirrorFetchGateway fetcher, Optional<Clock> clock) {
		this.repository = repository;
		this.builds = builds;
		this.packages = packages;
		this.fetcher = fetcher;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public List<AgentMirror> mirrors(long packageId) {
		this.packages.get(packageId);
		return this.repository.ofPackage(packageId);
	}

	/**
	 * Adds a mirror and checks it at once; the package is built for agents first if no
	 * deployment did it yet, so there is something to mirror.
	 * @throws InvalidMirrorException naming the field that is wrong
	 */
	public AgentMirror add(long packageId, @Valid MirrorDraft draft) {
		SoftwarePackage pkg = this.packages.get(packageId);
		checkLocation("infoLocation", draft.infoLocation());
		checkLocation("fragmentsLocation", draft.fragmentsLocation());
		String network = blankToNull(draft.network());
		String tag = blankToNull(draft.tag());
		if (network == null && tag == null) {
			throw new InvalidMirrorException("network", "say which machines use this mirror: a network or a tag");
		}
		if (network != null && parseNetwork(network) == null) {
			throw new InvalidMirrorException("network",
					"'" + network + "' is not an address or network such as" + " 192.0.2.0/24");
		}
		this.builds.ensureBuilt(pkg, List.of());
		long id = this.repository.insert(packageId, draft, network, tag, this.clock.instant());
		return check(packageId, id);
	}

	/** Fetches every file of every build of the package from the mirror again. */
	public AgentMirror check(long packageId, long mirrorId) {
		AgentMirror mirror = this.repository.find(packageId, mirrorId)
			.orElseThrow(() -> new MirrorNotFoundException(packageId, mirrorId));
		List<Long> verified = new ArrayList<>();
		String problem = null;
		for (TeledeploymentRepository.Build build : this.repository.readyBuilds(packageId)) {
			problem = problemWith(mirror, build);
			if (problem != null) {
				break;
			}
			verified.add(build.ocsId());
		}
		if (problem == null && verified.isEmpty()) {
			problem = "the package has no build for agents yet";
		}
		this.repository.recordCheck(mirrorId, problem == null, problem, (problem == null) ? verified : List.of(),
				this.clock.instant());
		return this.repository.find(packageId, mirrorId).orElseThrow();
	}

	@Transactional
	public void delete(long packageId, long mirrorId) {
		if (!this.repository.delete(packageId, mirrorId)) {
			throw new MirrorNotFoundException(packageId, mirrorId);
		}
	}

	/**
	 * The mirror this machine fetches this build from: a usable one that holds it and
	 * serves the machine's network or one of its tags; empty for the built-in server.
	 */
	Optional<AgentMirror> mirrorFor(Machine machine, long ocsId) {
		IPAddress address = (machine.address() != null) ? new IPAddressString(machine.address()).getAddress() : null;
		return this.repository.holding(ocsId).stream().filter((mirror) -> {
			if (mirror.tag() != null && machine.tags().stream().anyMatch(mirror.tag()::equalsIgnoreCase)) {
				return true;
			}
			IPAddress network = (mirror.network() != null) ? parseNetwork(mirror.network()) : null;
			return network != null && address != null && network.contains(address);
		}).findFirst();
	}

	/**
	 * Null when the mirror holds the build byte for byte; otherwise which file and why.
	 */
	private String problemWith(AgentMirror mirror, TeledeploymentRepository.Build build) {
		Path folder = this.builds.folderOf(build.ocsId());
		List<String> names = new ArrayList<>(List.of(INFO));
		for (int n = 1; n <= build.fragments(); n++) {
			names.add(build.ocsId() + "-" + n);
		}
		for (String name : names) {
			boolean info = name.equals(INFO);
			URI uri = URI.create((info ? "https://" + mirror.infoLocation() : "http://" + mirror.fragmentsLocation())
					+ "/" + build.ocsId() + "/" + name);
			try {
				byte[] ours = Files.readAllBytes(folder.resolve(name));
				byte[] theirs = this.fetcher.fetch(uri, ours.length + 1L);
				if (!Arrays.equals(ours, theirs)) {
					return uri + ": not the same file (" + theirs.length + " bytes, " + ours.length + " expected)";
				}
			}
			catch (IOException ex) {
				return uri + ": " + ex.getMessage();
			}
		}
		return null;
	}

	private static void checkLocation(String field, String location) {
		String text = location.strip();
		if (text.contains("://") || !LOCATION.matcher(text).matches()) {
			throw new InvalidMirrorException(field,
					"'" + text + "' is not a location such as mirror.example.org/download (no http:// or https://)");
		}
	}

	private static IPAddress parseNetwork(String text) {
		IPAddressString network = new IPAddressString(text.trim());
		return (network.isValid() && network.getAddress() != null) ? network.getAddress().toPrefixBlock() : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}

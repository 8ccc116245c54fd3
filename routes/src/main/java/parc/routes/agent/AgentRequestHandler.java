package parc.routes.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import parc.ocsagent.AccountInfo;
import parc.ocsagent.BodyFormat;
import parc.ocsagent.IpDiscoverOption;
import parc.ocsagent.OcsBodyCodec;
import parc.ocsagent.OcsProtocolException;
import parc.ocsagent.OcsReplyEncoder;
import parc.ocsagent.OcsRequest;
import parc.ocsagent.OcsRequestDecoder;
import parc.ocsagent.OcsXmlReader;
import parc.ocsagent.ReceivedRequest;
import parc.ocsagent.download.DownloadOption;
import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.AgentSettings;
import parc.orchestrator.agent.PrologDecision;
import parc.orchestrator.agent.refusal.AgentRefusalService;
import parc.orchestrator.agent.refusal.RefusedRequest;
import parc.orchestrator.inventory.InventoryStored;
import parc.orchestrator.teledeployment.AgentDownloadSettings;
import parc.orchestrator.teledeployment.PrologOffers;
import parc.routes.agentdownload.DeployServerConnector;

/**
 * Answers one request to {@code /ocsinventory}, in this order: source network, HTTP Basic
 * credentials, Content-Type, size, framing, XML, QUERY. Every refusal is a 4xx with a
 * one-line reason and stores nothing; a reply of 200 to an INVENTORY means it is
 * committed. Thread-safe.
 */
@Component
public class AgentRequestHandler {

	private static final Logger log = LoggerFactory.getLogger(AgentRequestHandler.class);

	/**
	 * What OCS-protocol agents send: the Unix agent {@code application/x-compress}
	 * (protocol §1.2), the Windows agent {@code application/x-compressed},
	 * FusionInventory and GLPI agents {@code application/x-compress-zlib}, or
	 * {@code -gzip}, or {@code application/xml} when built without compression, the
	 * Android agent {@code text/plain} (gzip or plain). The framing itself is read from
	 * the body's first bytes, not from this header.
	 */
	private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of("application/x-compress",
			"application/x-compressed", "application/x-compress-zlib", "application/x-compress-gzip",
			"application/x-zlib", "application/x-gzip", "application/gzip", "application/xml", "text/xml", "text/plain",
			"application/octet-stream");

	/** A Host header Parc repeats to the agent: a name or address and a port. */
	private static final java.util.regex.Pattern PLAIN_HOST = java.util.regex.Pattern
		.compile("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:\\d{1,5})?");

	private static final String DOWNLOADS = "/download";

	private final AgentService agents;

	private final AgentEndpointProperties limits;

	private final OcsBodyCodec bodies;

	private final OcsRequestDecoder decoder;

	private final OcsReplyEncoder replies = new OcsReplyEncoder();

	private final DeployServerConnector deployServer;

	private final AgentRefusalService refusals;

	AgentRequestHandler(AgentService agents, AgentEndpointProperties limits, DeployServerConnector deployServer,
			AgentRefusalService refusals) {
		this.agents = agents;
		this.refusals = refusals;
		this.deployServer = deployServer;
		this.limits = limits;
		this.bodies = new OcsBodyCodec(limits.maxInflatedBytes());
		this.decoder = new OcsRequestDecoder(this.bodies, new OcsXmlReader(limits.maxXmlElements(), 1024 * 1024));
	}

	public AgentHttpResponse handle(AgentHttpRequest request) {
		if (!this.agents.isAllowedSource(request.remoteAddress())) {
			return refuse(request, 403, "Source address not allowed", null);
		}
		AgentSettings settings = this.agents.settings();
		if (settings.authenticationRequired() && !authorised(request.authorization())) {
			// The agent sends credentials only after a challenge whose realm equals its
			// --realm (protocol §1.6): the challenge itself is not worth listing, wrong
			// credentials are.
			String reason = "Authentication required";
			AgentHttpResponse challenge = (request.authorization() == null) ? AgentHttpResponse.refused(401, reason)
					: refuse(request, 401, "Wrong agent credentials", null);
			return challenge.withHeader("WWW-Authenticate",
					"Basic realm=\"" + settings.realm().replace("\"", "'") + "\"");
		}
		if (!acceptedContentType(request.contentType())) {
			return refuse(request, 415, "Content-Type " + abbreviate(request.contentType())
					+ " is not one an OCS agent sends (application/x-compress, application/x-compress-zlib, ...)",
					null);
		}
		if (request.contentLength() > this.limits.maxRequestBytes()) {
			return refuse(request, 413, "Request body larger than " + this.limits.maxRequestBytes() + " bytes", null);
		}
		try {
			byte[] body = readCapped(request.body());
			ReceivedRequest received = this.decoder.decode(body);
			if (received.format() == BodyFormat.PLAIN && !this.limits.acceptUncompressed()) {
				return refuse(request, 400,
						"Request body is not compressed: plain XML is refused unless parc.agent.accept-uncompressed is on",
						null);
			}
			return answer(received, request);
		}
		catch (OcsProtocolException ex) {
			int status = (ex.reason() == OcsProtocolException.Reason.TOO_LARGE) ? 413 : 400;
			return refuse(request, status, ex.getMessage(), ex.deviceId().orElse(null));
		}
		catch (IOException ex) {
			return refuse(request, 400, "Request body could not be read: " + ex.getMessage(), null);
		}
	}

	/** The TAG prompt label of the agent settings. */
	public String tagLabel() {
		return this.agents.settings().tagLabel();
	}

	private AgentHttpResponse answer(ReceivedRequest received, AgentHttpRequest request) {
		String agentVersion = agentVersion(request.userAgent());
		OcsRequest ocs = received.request();
		byte[] xml = null;
		if (ocs instanceof OcsRequest.Prolog prolog) {
			PrologDecision decision = this.agents.prolog(prolog.deviceId(), agentVersion);
			xml = this.replies.prolog(decision.sendInventory(), decision.prologFrequencyHours(),
					downloadOption(decision.download(), request.host()), (decision.ipDiscover() == null) ? null
							: new IpDiscoverOption(decision.ipDiscover().subnet(), decision.ipDiscover().latencyMs()));
		}
		else if (ocs instanceof OcsRequest.Inventory inventory) {
			InventoryStored stored = this.agents.inventory(inventory.deviceId(), agentVersion,
					OcsInventoryMapper.toDocument(inventory.content()), inventory.content().oldDeviceId());
			log.debug("Inventory of {} filed under machine {}: {}", inventory.deviceId(), stored.machineId(),
					stored.outcome());
			xml = (stored.accountUpdate() == null) ? this.replies.inventoryAccepted()
					: this.replies.inventoryAcceptedWithAccountUpdate(stored.accountUpdate()
						.stream()
						.map((value) -> new AccountInfo(value.key(), value.value()))
						.toList());
		}
		else if (ocs instanceof OcsRequest.DownloadReport report) {
			this.agents.recordDownloadReport(report.deviceId(), report.packageId(), report.result());
		}
		else if (ocs instanceof OcsRequest.Update) {
			xml = this.replies.noAgentUpdate();
		}
		// SNMP and NOTIFY: acknowledged with an empty 200, as the reference server does.
		return (xml != null) ? AgentHttpResponse.ok(this.bodies.encode(xml, received.format()))
				: AgentHttpResponse.empty();
	}

	/**
	 * Offers come from the built-in server under the name the agent used to reach Parc,
	 * which its certificate covers: {@code info} on the HTTPS port, fragments here.
	 */
	private DownloadOption downloadOption(PrologOffers offers, String host) {
		if (offers == null) {
			return null;
		}
		String reached = (host != null && PLAIN_HOST.matcher(host).matches()) ? host : "localhost";
		String name = reached.startsWith("[") ? reached.substring(0, reached.indexOf(']') + 1)
				: reached.replaceFirst(":\\d+$", "");
		String infoLocation = name + ":" + this.deployServer.localPort() + DOWNLOADS;
		String fragmentsLocation = reached + DOWNLOADS;
		AgentDownloadSettings settings = offers.settings();
		return new DownloadOption(
				new DownloadOption.WorkerSettings(settings.fragLatency(), settings.cycleLatency(),
						settings.periodLatency(), settings.periodLength(), settings.timeoutDays(), settings
							.executionTimeoutMinutes()),
				offers.offers()
					.stream()
					.map((offer) -> new DownloadOption.Offer(offer.ocsId(),
							(offer.infoLocation() != null) ? offer.infoLocation() : infoLocation,
							(offer.fragmentsLocation() != null) ? offer.fragmentsLocation() : fragmentsLocation,
							offer.force()))
					.toList());
	}

	private boolean authorised(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		int colon = decoded.indexOf(':');
		return colon > 0 && this.agents.isAuthorised(decoded.substring(0, colon), decoded.substring(colon + 1));
	}

	private static boolean acceptedContentType(String contentType) {
		if (contentType == null) {
			return false;
		}
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		return ACCEPTED_CONTENT_TYPES.contains(mediaType);
	}

	/**
	 * Reads at most the cap plus one byte, so a body without Content-Length is bounded
	 * too.
	 */
	private byte[] readCapped(InputStream body) throws IOException {
		if (body == null) {
			return new byte[0];
		}
		long cap = this.limits.maxRequestBytes();
		byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
		if (bytes.length > cap) {
			throw new OcsProtocolException(OcsProtocolException.Reason.TOO_LARGE,
					"Request body larger than " + cap + " bytes");
		}
		return bytes;
	}

	/** A header as it may be shown: control characters removed, at most 64 characters. */
	private static String abbreviate(String header) {
		if (header == null) {
			return "(none)";
		}
		String clean = header.replaceAll("\\p{Cntrl}", "");
		return (clean.length() > 64) ? clean.substring(0, 64) + "..." : clean;
	}

	/** {@code OCS-NG_unified_unix_agent_v2.10.0}, capped: it is only shown. */
	private static String agentVersion(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return null;
		}
		String clean = userAgent.replaceAll("\\p{Cntrl}", "").trim();
		return (clean.length() > 200) ? clean.substring(0, 200) : clean;
	}

	private AgentHttpResponse refuse(AgentHttpRequest request, int status, String reason, String deviceId) {
		log.info("Agent request from {} ({}) refused with {}: {}", request.remoteAddress(),
				abbreviate(request.userAgent()), status, reason);
		this.refusals
			.record(new RefusedRequest(request.remoteAddress(), request.userAgent(), status, reason, deviceId));
		return AgentHttpResponse.refused(status, reason);
	}

}

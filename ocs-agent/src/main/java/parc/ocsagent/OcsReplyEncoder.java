package parc.ocsagent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import parc.ocsagent.download.DownloadOption;

/**
 * Writes the XML of replies to the agent (protocol §2.2, §3.3, §6.2), ready for
 * {@link OcsBodyCodec#encode}. Text is escaped by the JDK's StAX writer. Element order is
 * free for the agent; this one is fixed so replies can be compared byte for byte.
 * Thread-safe.
 */
public final class OcsReplyEncoder {

	/** As the reference server writes it; the agent ignores the declaration's quoting. */
	private static final String DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n";

	private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

	/**
	 * @param sendInventory whether the agent should send an inventory now ({@code SEND})
	 * or not ({@code STOP})
	 * @param prologFrequencyHours how often the agent should come back, in hours
	 */
	public byte[] prolog(boolean sendInventory, int prologFrequencyHours) {
		return prolog(sendInventory, prologFrequencyHours, null);
	}

	/**
	 * @param sendInventory whether the agent should send an inventory now
	 * @param prologFrequencyHours how often the agent should come back, in hours
	 * @param download the packages to offer and the worker's settings, or null to say
	 * nothing about deployment (the agent keeps what it has)
	 */
	public byte[] prolog(boolean sendInventory, int prologFrequencyHours, DownloadOption download) {
		return prolog(sendInventory, prologFrequencyHours, download, null);
	}

	/**
	 * @param ipDiscover the subnet the agent is elected to scan (§2.5), or null
	 */
	public byte[] prolog(boolean sendInventory, int prologFrequencyHours, DownloadOption download,
			IpDiscoverOption ipDiscover) {
		return write((xml) -> {
			element(xml, "RESPONSE", sendInventory ? "SEND" : "STOP");
			element(xml, "PROLOG_FREQ", Integer.toString(prologFrequencyHours));
			if (download != null) {
				downloadOption(xml, download);
			}
			if (ipDiscover != null) {
				xml.writeStartElement("OPTION");
				element(xml, "NAME", "IPDISCOVER");
				// At least one attribute, or the 2.10 agent reads PARAM as a plain string
				// and
				// drops its scan (§2.5).
				xml.writeStartElement("PARAM");
				xml.writeAttribute("IPDISC_LAT", Integer.toString(ipDiscover.latencyMs()));
				xml.writeCharacters(ipDiscover.subnet());
				xml.writeEndElement();
				xml.writeEndElement();
			}
		});
	}

	private static void downloadOption(XMLStreamWriter xml, DownloadOption download) throws XMLStreamException {
		xml.writeStartElement("OPTION");
		element(xml, "NAME", "DOWNLOAD");
		DownloadOption.WorkerSettings conf = download.settings();
		xml.writeEmptyElement("PARAM");
		xml.writeAttribute("TYPE", "CONF");
		xml.writeAttribute("ON", "1");
		xml.writeAttribute("FRAG_LATENCY", Integer.toString(conf.fragLatencySeconds()));
		xml.writeAttribute("CYCLE_LATENCY", Integer.toString(conf.cycleLatencySeconds()));
		xml.writeAttribute("PERIOD_LATENCY", Integer.toString(conf.periodLatencySeconds()));
		xml.writeAttribute("PERIOD_LENGTH", Integer.toString(conf.periodLength()));
		xml.writeAttribute("TIMEOUT", Integer.toString(conf.timeoutDays()));
		xml.writeAttribute("EXECUTION_TIMEOUT", Integer.toString(conf.executionTimeoutMinutes()));
		for (DownloadOption.Offer offer : download.offers()) {
			xml.writeEmptyElement("PARAM");
			xml.writeAttribute("TYPE", "PACK");
			xml.writeAttribute("ID", Long.toString(offer.id()));
			xml.writeAttribute("INFO_LOC", offer.infoLocation());
			xml.writeAttribute("PACK_LOC", offer.fragmentsLocation());
			xml.writeAttribute("CERT_PATH", "INSTALL_PATH");
			xml.writeAttribute("CERT_FILE", "INSTALL_PATH/cacert.pem");
			xml.writeAttribute("SCHEDULE", "");
			xml.writeAttribute("POSTCMD", "");
			xml.writeAttribute("FORCE", offer.force() ? "1" : "0");
		}
		xml.writeEndElement();
	}

	/**
	 * The inventory was stored and the agent's administrative fields already match
	 * Parc's.
	 */
	public byte[] inventoryAccepted() {
		return write((xml) -> element(xml, "RESPONSE", "NO_ACCOUNT_UPDATE"));
	}

	/**
	 * The inventory was stored and the agent must take Parc's administrative fields. The
	 * agent replaces all its fields with these (an empty list wipes its TAG), so pass the
	 * complete set (protocol §3.3).
	 */
	public byte[] inventoryAcceptedWithAccountUpdate(List<AccountInfo> completeAccountInfo) {
		return write((xml) -> {
			element(xml, "RESPONSE", "ACCOUNT_UPDATE");
			for (AccountInfo info : completeAccountInfo) {
				xml.writeStartElement("ACCOUNTINFO");
				element(xml, "KEYNAME", info.key());
				element(xml, "KEYVALUE", info.value());
				xml.writeEndElement();
			}
		});
	}

	/** The answer to a Windows agent's UPDATE query: Parc distributes no agents. */
	public byte[] noAgentUpdate() {
		return write((xml) -> element(xml, "RESPONSE", "NO_UPDATE"));
	}

	@FunctionalInterface
	private interface Body {

		void writeTo(XMLStreamWriter xml) throws XMLStreamException;

	}

	private byte[] write(Body body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		out.writeBytes(DECLARATION.getBytes(StandardCharsets.UTF_8));
		try {
			XMLStreamWriter xml = this.factory.createXMLStreamWriter(out, "UTF-8");
			xml.writeStartElement("REPLY");
			body.writeTo(xml);
			xml.writeEndElement();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			// Writing known element names to memory cannot fail; a failure is a defect,
			// not bad input.
			throw new IllegalStateException("Could not write an OCS reply", ex);
		}
		out.write('\n');
		return out.toByteArray();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}

package parc.ocsagent.download;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a package's {@code info} file as ocsreports does (protocol §4.3): one empty
 * {@code DOWNLOAD} element, everything in attributes, in ocsreports' order, escaped by
 * the JDK's StAX writer. MD5 in lowercase hex is the only digest a Debian agent checks
 * (§4.4).
 */
final class InfoFileWriter {

	private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

	byte[] write(OcsPackageSpec spec, BuiltPackage built) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		try {
			XMLStreamWriter xml = this.factory.createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeEmptyElement("DOWNLOAD");
			xml.writeAttribute("ID", Long.toString(spec.id()));
			xml.writeAttribute("PRI", Integer.toString(spec.priority()));
			xml.writeAttribute("ACT", spec.action().name());
			xml.writeAttribute("DIGEST", (built.digest() != null) ? built.digest() : "");
			xml.writeAttribute("PROTO", "HTTP");
			xml.writeAttribute("FRAGS", Integer.toString(built.fragments()));
			xml.writeAttribute("DIGEST_ALGO", "MD5");
			xml.writeAttribute("DIGEST_ENCODE", "Hexa");
			switch (spec.action()) {
				case EXECUTE -> xml.writeAttribute("COMMAND", spec.command());
				case LAUNCH -> xml.writeAttribute("NAME", spec.launch().strip());
				case STORE -> xml.writeAttribute("PATH", spec.storePath());
			}
			OcsPackageSpec.Notification notification = spec.notification();
			xml.writeAttribute("NOTIFY_USER", flag(notification.notifyUser()));
			xml.writeAttribute("NOTIFY_TEXT", text(notification.text()));
			xml.writeAttribute("NOTIFY_COUNTDOWN",
					(notification.countdownSeconds() != null) ? notification.countdownSeconds().toString() : "");
			xml.writeAttribute("NOTIFY_CAN_ABORT", flag(notification.canAbort()));
			xml.writeAttribute("NOTIFY_CAN_DELAY", flag(notification.canDelay()));
			boolean doneAction = notification.doneActionText() != null && !notification.doneActionText().isBlank();
			xml.writeAttribute("NEED_DONE_ACTION", flag(doneAction));
			xml.writeAttribute("NEED_DONE_ACTION_TEXT", text(notification.doneActionText()));
			// A fixed dummy attribute ocsreports always writes ("garde-fou": guard rail).
			xml.writeAttribute("GARDEFOU", "rien");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write an info file", ex);
		}
		out.write('\n');
		return out.toByteArray();
	}

	private static String flag(boolean value) {
		return value ? "1" : "0";
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

}

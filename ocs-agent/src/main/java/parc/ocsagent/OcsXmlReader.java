package parc.ocsagent;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses OCS XML into an {@link XmlElement} tree with the JDK's StAX parser, hardened
 * against hostile input: any DOCTYPE is refused outright (as the reference server does,
 * protocol §1.8), so neither external entities (XXE) nor entity expansion (billion
 * laughs) can occur; nesting depth, element count and text size are capped. Invalid UTF-8
 * is a parse error, not a replacement character. Thread-safe: the factory is configured
 * once and only read.
 */
public final class OcsXmlReader {

	/**
	 * The deepest real message is REQUEST/CONTENT/DOWNLOAD/HISTORY/PACKAGE; 32 leaves
	 * room for plugins.
	 */
	static final int MAX_DEPTH = 32;

	private final XMLInputFactory factory;

	private final int maxElements;

	private final int maxTextLength;

	/**
	 * @param maxElements the most elements one document may hold (the 802-package fixture
	 * has about 9,000)
	 * @param maxTextLength the longest text of one element, in characters
	 */
	public OcsXmlReader(int maxElements, int maxTextLength) {
		this.maxElements = maxElements;
		this.maxTextLength = maxTextLength;
		this.factory = XMLInputFactory.newDefaultFactory();
		this.factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		this.factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		this.factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		this.factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
	}

	/**
	 * @throws OcsProtocolException {@code BAD_XML} for anything but a well-formed,
	 * DOCTYPE-free document
	 */
	public XmlElement read(byte[] xml) {
		XMLStreamReader reader = null;
		try {
			reader = this.factory.createXMLStreamReader(new ByteArrayInputStream(xml));
			return readDocument(reader);
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (ex instanceof OcsProtocolException protocol) {
				throw protocol;
			}
			throw new OcsProtocolException(OcsProtocolException.Reason.BAD_XML,
					"Not well-formed XML: " + lastLine(ex.getMessage()), ex);
		}
		finally {
			close(reader);
		}
	}

	private XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException {
		Deque<Builder> open = new ArrayDeque<>();
		int elements = 0;
		XmlElement root = null;
		while (reader.hasNext()) {
			int event = reader.next();
			switch (event) {
				case XMLStreamConstants.DTD -> throw new OcsProtocolException(OcsProtocolException.Reason.BAD_XML,
						"DOCTYPE declarations are refused");
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new OcsProtocolException(
						OcsProtocolException.Reason.BAD_XML, "Undeclared entity &" + reader.getLocalName() + ";");
				case XMLStreamConstants.START_ELEMENT -> {
					if (++elements > this.maxElements) {
						throw new OcsProtocolException(OcsProtocolException.Reason.TOO_LARGE,
								"More than " + this.maxElements + " XML elements");
					}
					if (open.size() >= MAX_DEPTH) {
						throw new OcsProtocolException(OcsProtocolException.Reason.BAD_XML,
								"XML nested deeper than " + MAX_DEPTH + " levels");
					}
					// Nearly every OCS element has no attribute: no map for them.
					Map<String, String> attributes = (reader.getAttributeCount() == 0) ? Map.of()
							: new LinkedHashMap<>();
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						attributes.put(reader.getAttributeLocalName(i),
								checkedText(withoutControlCharacters(reader.getAttributeValue(i))));
					}
					open.push(new Builder(reader.getLocalName(), attributes));
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
					if (!open.isEmpty()) {
						StringBuilder text = open.peek().text;
						text.append(withoutControlCharacters(reader.getText()));
						checkedText(text);
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					XmlElement element = open.pop().build();
					if (open.isEmpty()) {
						root = element;
					}
					else {
						open.peek().children.add(element);
					}
				}
				default -> {
					// Comments, processing instructions and whitespace outside the root
					// carry nothing.
				}
			}
		}
		if (root == null) {
			throw new OcsProtocolException(OcsProtocolException.Reason.BAD_XML, "No root element");
		}
		return root;
	}

	/**
	 * XML 1.1 lets a body carry control characters as references ({@code &#1;}); stored,
	 * they would reach names, logs and the console. They are removed, tab, line feed and
	 * carriage return kept, as the API refuses them: an agent cannot be told to fix its
	 * inventory, and one odd character must not lose the rest.
	 */
	static String withoutControlCharacters(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isControl(text.charAt(i))) {
				StringBuilder kept = new StringBuilder(text.length());
				text.chars().filter((c) -> !isControl((char) c)).forEach((c) -> kept.append((char) c));
				return kept.toString();
			}
		}
		return text;
	}

	private static boolean isControl(char c) {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
	}

	private <T extends CharSequence> T checkedText(T text) {
		if (text.length() > this.maxTextLength) {
			throw new OcsProtocolException(OcsProtocolException.Reason.TOO_LARGE,
					"An XML text is longer than " + this.maxTextLength + " characters");
		}
		return text;
	}

	/** The JDK puts the position on the first line and the reason on the last. */
	private static String lastLine(String message) {
		if (message == null) {
			return "";
		}
		String line = message.lines().reduce((first, second) -> second).orElse(message);
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// Nothing to release: the input is an in-memory array.
			}
		}
	}

	private static final class Builder {

		private final String name;

		private final Map<String, String> attributes;

		private final StringBuilder text = new StringBuilder();

		private final List<XmlElement> children = new ArrayList<>();

		Builder(String name, Map<String, String> attributes) {
			this.name = name;
			this.attributes = attributes;
		}

		XmlElement build() {
			return new XmlElement(this.name, this.attributes, this.text.toString().trim(), this.children);
		}

	}

}

package parc.orchestrator.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of a section's content: every field name and value in order, each counted
 * or length-prefixed so that no two different sections give the same bytes. Equal
 * fingerprints, equal content; that is all Parc asks of it, to tell a section that
 * changed from one that did not, without writing the section as JSON.
 */
final class SectionFingerprint {

	private SectionFingerprint() {
	}

	/**
	 * @param section a value of {@link InventorySections#of}: a map of fields, or a list
	 * of rows, administrative values or package IDs
	 */
	static String of(Object section) {
		// The section is framed into one buffer and digested once: feeding the digest
		// thousands of short updates cost ten times more (agent benchmark profile).
		Bytes bytes = new Bytes();
		if (section instanceof Map<?, ?> fields) {
			bytes.fields(fields);
		}
		else if (section instanceof List<?> rows) {
			bytes.count(rows.size());
			for (Object row : rows) {
				if (row instanceof Map<?, ?> fields) {
					bytes.fields(fields);
				}
				else if (row instanceof AccountValue value) {
					bytes.text(value.key());
					bytes.text(value.value());
				}
				else {
					bytes.text((String) row);
				}
			}
		}
		else {
			throw new IllegalArgumentException("Not an inventory section: " + section.getClass());
		}
		MessageDigest digest = sha256();
		digest.update(bytes.buffer, 0, bytes.length);
		return HexFormat.of().formatHex(digest.digest());
	}

	/** A growing buffer of counts and length-prefixed texts. */
	private static final class Bytes {

		private byte[] buffer = new byte[8192];

		private int length;

		void fields(Map<?, ?> fields) {
			count(fields.size());
			fields.forEach((name, value) -> {
				text((String) name);
				text((String) value);
			});
		}

		void text(String text) {
			if (text == null) {
				count(-1);
				return;
			}
			// Inventories are almost all ASCII: their characters are copied as they are,
			// with
			// no byte array per text; a text with anything else is taken as UTF-8, marked
			// apart so that it cannot frame like an ASCII one.
			int size = text.length();
			room(5 + size);
			int start = this.length;
			this.length += 4;
			for (int i = 0; i < size; i++) {
				char c = text.charAt(i);
				if (c >= 0x80) {
					this.length = start;
					byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
					count(-2);
					count(utf8.length);
					room(utf8.length);
					System.arraycopy(utf8, 0, this.buffer, this.length, utf8.length);
					this.length += utf8.length;
					return;
				}
				this.buffer[this.length++] = (byte) c;
			}
			int end = this.length;
			this.length = start;
			count(size);
			this.length = end;
		}

		void count(int count) {
			room(4);
			this.buffer[this.length++] = (byte) (count >>> 24);
			this.buffer[this.length++] = (byte) (count >>> 16);
			this.buffer[this.length++] = (byte) (count >>> 8);
			this.buffer[this.length++] = (byte) count;
		}

		private void room(int more) {
			if (this.length + more > this.buffer.length) {
				this.buffer = java.util.Arrays.copyOf(this.buffer,
						Math.max(this.buffer.length * 2, this.length + more));
			}
		}

	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}

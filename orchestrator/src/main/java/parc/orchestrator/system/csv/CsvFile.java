package parc.orchestrator.system.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.context.MessageSourceResolvable;

/**
 * A CSV file read one record at a time (Commons CSV), with the separator found on the
 * first line ({@code ,} or the {@code ;} of French spreadsheets) and a UTF-8 byte order
 * mark skipped. Bytes that are not valid in the chosen charset become U+FFFD, which
 * {@link #isMangled} finds: the row that holds them is refused by its line number (a
 * mangled name must not become a machine), the others are read on.
 */
public final class CsvFile implements AutoCloseable {

	/** The first line is looked at within this many characters to find the separator. */
	private static final int HEADER_PEEK = 64 * 1024;

	/** How much of the start is looked at to tell a text file from a binary one. */
	private static final int BINARY_PEEK = 8 * 1024;

	/** The start of the message that refuses a file that is not text. */
	public static final String NOT_CSV = "this is not a CSV file";

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final char delimiter;

	private CsvFile(CSVParser parser, char delimiter) {
		this.parser = parser;
		this.records = parser.iterator();
		this.delimiter = delimiter;
	}

	/**
	 * @throws UnreadableCsvException when the first line cannot be read
	 */
	public static CsvFile open(Path file, Charset charset) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file));
		try {
			skipByteOrderMark(in, charset);
			refuseBinary(in, charset);
			BufferedReader reader = new BufferedReader(new InputStreamReader(in,
					charset.newDecoder()
						.onMalformedInput(CodingErrorAction.REPLACE)
						.onUnmappableCharacter(CodingErrorAction.REPLACE)));
			char delimiter = delimiterOf(reader);
			CSVFormat format = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				// Blank lines are records here, skipped by next(), so that a record's
				// number
				// stays its line in the file.
				.setIgnoreEmptyLines(false)
				.setTrim(true)
				.get();
			return new CsvFile(CSVParser.parse(reader, format), delimiter);
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	public char delimiter() {
		return this.delimiter;
	}

	/**
	 * The next record that is not a blank line, or empty at the end. Its record number is
	 * its line, unless a quoted cell spans lines.
	 * @throws UnreadableCsvException when the CSV is malformed (an unclosed quote)
	 */
	public Optional<CSVRecord> next() {
		try {
			while (this.records.hasNext()) {
				CSVRecord record = this.records.next();
				if (record.size() > 1 || !record.get(0).isBlank()) {
					return Optional.of(record);
				}
			}
			return Optional.empty();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			long line = this.parser.getRecordNumber() + 1;
			throw new UnreadableCsvException("the CSV is malformed near record " + line + ": "
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage()));
		}
	}

	/** Whether a cell held bytes the charset could not read. */
	public static boolean isMangled(List<String> cells) {
		return cells.stream().anyMatch((cell) -> cell.indexOf('\uFFFD') >= 0);
	}

	public static String notInCharset(Charset charset) {
		return "the line is not valid " + charset.name() + " text: choose the charset the file was written in";
	}

	/** The cells of a record, as a list. */
	public static List<String> cells(CSVRecord record) {
		return record.toList();
	}

	@Override
	public void close() throws IOException {
		this.parser.close();
	}

	private static void skipByteOrderMark(InputStream in, Charset charset) throws IOException {
		if (!StandardCharsets.UTF_8.equals(charset)) {
			return;
		}
		in.mark(3);
		byte[] start = in.readNBytes(3);
		if (start.length < 3 || (start[0] & 0xff) != 0xEF || (start[1] & 0xff) != 0xBB || (start[2] & 0xff) != 0xBF) {
			in.reset();
		}
	}

	/**
	 * An image, an archive or a spreadsheet saved in its own format would otherwise reach
	 * the mapping step as rows of garbage. Text has no NUL byte, and in the charset it
	 * was written in, hardly any control character or undecodable byte.
	 */
	private static void refuseBinary(InputStream in, Charset charset) throws IOException {
		in.mark(BINARY_PEEK);
		byte[] head = in.readNBytes(BINARY_PEEK);
		in.reset();
		for (byte b : head) {
			if (b == 0) {
				throw new UnreadableCsvException("csv.notCsv.binary", NOT_CSV + ": it holds binary data");
			}
		}
		String text = new String(head, charset);
		long odd = text.chars()
			.filter((c) -> c == '\uFFFD' || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'))
			.count();
		if (odd * 10 > text.length()) {
			throw new UnreadableCsvException("csv.notCsv.notText",
					NOT_CSV + ": most of it is not " + charset.name() + " text", charset.name());
		}
	}

	/**
	 * More semicolons than commas on the first line, outside quotes: a semicolon file.
	 */
	private static char delimiterOf(BufferedReader reader) throws IOException {
		reader.mark(HEADER_PEEK);
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (int i = 0; i < HEADER_PEEK; i++) {
			int c = reader.read();
			if (c == -1 || (!quoted && (c == '\n' || c == '\r'))) {
				break;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
		}
		reader.reset();
		return (semicolons > commas) ? ';' : ',';
	}

	/**
	 * The file cannot be read as CSV in its charset. Some refusals carry a message code
	 * (with arguments) for the console and the API to say in the reader's language; the
	 * exception's message is the English text.
	 */
	public static final class UnreadableCsvException extends RuntimeException implements MessageSourceResolvable {

		private final String code;

		private final Object[] arguments;

		public UnreadableCsvException(String message) {
			this(null, message);
		}

		UnreadableCsvException(String code, String message, Object... arguments) {
			super(message);
			this.code = code;
			this.arguments = arguments;
		}

		@Override
		public String[] getCodes() {
			return (this.code != null) ? new String[] { this.code } : null;
		}

		@Override
		public Object[] getArguments() {
			return this.arguments.clone();
		}

		@Override
		public String getDefaultMessage() {
			return getMessage();
		}

	}

}

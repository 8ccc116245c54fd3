import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;

/**
 * Load client of the agent-endpoint benchmark (bench/README.md): replays the captured 2.10 inventory as N distinct
 * machines (own DEVICEID, host name, serial, MACs) through PROLOG + INVENTORY with C concurrent clients, as the real
 * agent does (zlib bodies, application/x-compress, its User-Agent, keep-alive). Bodies are built and compressed before
 * the clock starts. Prints one line of key=value figures; the server side (RSS, CPU) is measured by run-agent-bench.sh.
 *
 * Run: java bench/AgentLoad.java BASE_URL RUN_ID N C FIXTURE
 */
public class AgentLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String run = args[1];
		int machines = Integer.parseInt(args[2]);
		int clients = Integer.parseInt(args[3]);
		String fixture = Files.readString(Path.of(args[4]));

		List<byte[][]> bodies = new ArrayList<>(machines);
		for (int i = 0; i < machines; i++) {
			String host = run + "-" + i;
			String deviceId = host + "-2026-11-22-14-34-14";
			String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST>\n  <DEVICEID>" + deviceId
					+ "</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n";
			bodies.add(new byte[][] { zlib(prolog), zlib(inventoryOf(fixture, host, deviceId, i)) });
		}

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(clients))
			.build();
		URI endpoint = URI.create(base + "/ocsinventory");
		AtomicInteger next = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < machines) {
					try {
						post(http, endpoint, bodies.get(i)[0]);
						long sent = System.nanoTime();
						int status = post(http, endpoint, bodies.get(i)[1]);
						latencies.add(System.nanoTime() - sent);
						if (status == 200) {
							ok.incrementAndGet();
						}
						else {
							refused.incrementAndGet();
						}
					}
					catch (Exception ex) {
						refused.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf(java.util.Locale.ROOT,
				"machines=%d clients=%d seconds=%.2f answered200=%d failed=%d inventoriesPerSecond=%.1f p50ms=%.0f p95ms=%.0f p99ms=%.0f maxms=%.0f%n",
				machines, clients, seconds, ok.get(), refused.get(), ok.get() / seconds, percentile(sorted, 50),
				percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
		System.exit(0);
	}

	private static int post(HttpClient http, URI endpoint, byte[] body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/x-compress")
			.header("User-Agent", "OCS-NG_unified_unix_agent_v2.10.0")
			.header("Pragma", "no-cache")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The fixture as machine number i: its own DEVICEID, host name, serial number and MAC addresses. */
	static String inventoryOf(String fixture, String host, String deviceId, int i) {
		String xml = fixture.replace("vm-2026-11-22-14-34-14", deviceId)
			.replace("<NAME>vm</NAME>", "<NAME>" + host + "</NAME>")
			.replace("<BIOS>\n    </BIOS>", "<BIOS>\n      <SSN>BENCH-" + host + "</SSN>\n    </BIOS>");
		Matcher macs = Pattern.compile("<MACADDR>([0-9a-f:]{17})</MACADDR>").matcher(xml);
		StringBuilder out = new StringBuilder();
		int n = 0;
		while (macs.find()) {
			String mac = String.format("02:%02x:%02x:%02x:%02x:%02x", n++ & 0xff, (i >> 24) & 0xff, (i >> 16) & 0xff,
					(i >> 8) & 0xff, i & 0xff);
			macs.appendReplacement(out, "<MACADDR>" + mac + "</MACADDR>");
		}
		macs.appendTail(out);
		return out.toString();
	}

	private static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private static byte[] zlib(String xml) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
			deflater.write(xml.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}

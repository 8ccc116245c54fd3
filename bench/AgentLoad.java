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
 * Run: java bench/AgentLoad.java BASE_URL RUN_ID N C FIXTURE [WORKLOAD]
 *
 * WORKLOAD (default new): "new" sends each machine's first inventory (CHECKSUM with every section flagged); "repeat"
 * sends the same N machines again, as their agents' next daily run would (uptime moved on, CHECKSUM flagging HARDWARE
 * only), so RUN_ID must have been sent as "new" before; "mix" is a day in a fleet: of every 100 machines, 90 repeats,
 * 9 repeats with one package upgraded (CHECKSUM flags HARDWARE and SOFTWARES) and 1 new machine (RUN_ID must have been
 * sent as "new" before too; the new ones get their own names).
 */
public class AgentLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String run = args[1];
		int machines = Integer.parseInt(args[2]);
		int clients = Integer.parseInt(args[3]);
		String fixture = Files.readString(Path.of(args[4]));
		String workload = (args.length > 5) ? args[5] : "new";
		if (workload.startsWith("verify-")) {
			verify(base, run, machines, workload.substring("verify-".length()));
			return;
		}

		List<byte[][]> bodies = new ArrayList<>(machines);
		for (int i = 0; i < machines; i++) {
			boolean fresh = workload.equals("new") || (workload.equals("mix") && i % 100 == 99);
			String host = (fresh && !workload.equals("new")) ? run + "-mixnew-" + i : run + "-" + i;
			String deviceId = host + "-2026-11-22-14-34-14";
			String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST>\n  <DEVICEID>" + deviceId
					+ "</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n";
			String inventory = inventoryOf(fixture, host, deviceId, fresh ? machines + i : i);
			if (!fresh) {
				boolean upgraded = workload.equals("mix") && i % 100 >= 90;
				inventory = nextRun(inventory, upgraded);
			}
			bodies.add(new byte[][] { zlib(prolog), zlib(inventory) });
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

	/**
	 * Reads every machine of a repeat or mix run back through the API (the admin password in PARC_PASSWORD) and
	 * prints verified=K: machines whose stored inventory is the one last sent (the later uptime, and for the upgraded
	 * ones the new adduser version), plus, for a mix, the new machines found stored.
	 */
	static void verify(String base, String run, int machines, String workload) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String auth = "Basic " + java.util.Base64.getEncoder()
			.encodeToString(("admin:" + System.getenv("PARC_PASSWORD")).getBytes(StandardCharsets.UTF_8));
		java.util.Map<String, String> ids = new java.util.HashMap<>();
		Pattern row = Pattern.compile("\\{\"machineId\":(\\d+),\"name\":\"([^\"]+)\"");
		for (int page = 0;; page++) {
			String criteria = "{\"criteria\":[{\"field\":\"name\",\"operator\":\"EQUAL\",\"value\":\"" + run
					+ "-*\"}],\"page\":" + page + ",\"size\":500}";
			String answer = http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/inventory/search"))
					.header("Authorization", auth)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(criteria))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher found = row.matcher(answer);
			int before = ids.size();
			while (found.find()) {
				ids.put(found.group(2), found.group(1));
			}
			if (ids.size() == before) {
				break;
			}
		}
		Pattern adduser = Pattern.compile("\\{[^{}]*\"name\":\"adduser\"[^{}]*\\}");
		int verified = 0;
		for (int i = 0; i < machines; i++) {
			boolean fresh = workload.equals("mix") && i % 100 == 99;
			String id = ids.get(fresh ? run + "-mixnew-" + i : run + "-" + i);
			if (id == null) {
				continue;
			}
			if (fresh) {
				verified++;
				continue;
			}
			String inventory = http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/machines/" + id + "/inventory"))
					.header("Authorization", auth)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher software = adduser.matcher(inventory);
			String expected = (workload.equals("mix") && i % 100 >= 90) ? "3.135" : "3.134";
			if (inventory.contains("\"description\":\"x86_64/01-00-00 00:15:40\"") && software.find()
					&& software.group().contains("\"version\":\"" + expected + "\"")) {
				verified++;
			}
		}
		System.out.println("verified=" + verified);
	}

	/**
	 * The same machine's next run: a later uptime and CHECKSUM flagging what the agent saw change since the last
	 * inventory the server accepted (HARDWARE always, as the uptime is in it; SOFTWARES when a package was upgraded).
	 */
	static String nextRun(String inventory, boolean upgraded) {
		String next = inventory.replace("<CHECKSUM>1572863</CHECKSUM>",
				"<CHECKSUM>" + (upgraded ? 1 | 65536 : 1) + "</CHECKSUM>")
			.replace("<DESCRIPTION>x86_64/00-00-00 00:15:40</DESCRIPTION>",
					"<DESCRIPTION>x86_64/01-00-00 00:15:40</DESCRIPTION>");
		if (upgraded) {
			next = next.replace("<NAME>adduser</NAME>\n      <VERSION>3.134</VERSION>",
					"<NAME>adduser</NAME>\n      <VERSION>3.135</VERSION>");
		}
		if (next.equals(inventory)) {
			throw new IllegalStateException("The fixture no longer has the fields a repeat changes");
		}
		return next;
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

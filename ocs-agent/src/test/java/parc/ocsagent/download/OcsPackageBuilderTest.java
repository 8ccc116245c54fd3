package parc.ocsagent.download;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import parc.ocsagent.OcsXmlReader;
import parc.ocsagent.XmlElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OcsPackageBuilderTest {

	@TempDir
	Path temp;

	private final OcsPackageBuilder builder = new OcsPackageBuilder();

	@Test
	void shouldDigestTheReassembledArchiveInLowercaseHex() throws Exception {
		Path out = Files.createDirectory(this.temp.resolve("out"));
		List<ArchiveEntry> files = List.of(file("install.sh", "#!/bin/sh\necho $1 $2 > marker\n", true),
				random("data/payload.bin", 5000));

		BuiltPackage built = this.builder.build(executeSpec(1700000001L, 1024), files, out);

		byte[] archive = concatenatedFragments(out, built);
		assertThat(built.fragments()).isEqualTo((int) ((archive.length + 1023) / 1024)).isGreaterThan(1);
		assertThat(built.archiveBytes()).isEqualTo(archive.length);
		assertThat(built.digest()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive)))
			.matches("[0-9a-f]{32}");
		for (int n = 1; n < built.fragments(); n++) {
			assertThat(Files.size(out.resolve("1700000001-" + n))).isEqualTo(1024);
		}
		assertThat(out.resolve(".archive")).doesNotExist();
	}

	@Test
	void shouldPackATarGzThatKeepsPathsAndTheExecuteBit() throws Exception {
		Path out = Files.createDirectory(this.temp.resolve("out"));
		List<ArchiveEntry> files = List.of(file("install.sh", "#!/bin/sh\n", true),
				file("conf/app settings.ini", "a=1\n", false));

		BuiltPackage built = this.builder.build(executeSpec(42, 64 * 1024), files, out);

		Map<String, Integer> modes = new TreeMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new GzipCompressorInputStream(new ByteArrayInputStream(concatenatedFragments(out, built))))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				modes.put(entry.getName(), entry.getMode() & 0777);
			}
		}
		assertThat(modes).containsExactly(Map.entry("conf/app settings.ini", 0644), Map.entry("install.sh", 0755));
	}

	@Test
	void shouldPackAZipForWindows() throws Exception {
		Path out = Files.createDirectory(this.temp.resolve("out"));
		OcsPackageSpec spec = new OcsPackageSpec(7, PackageAction.EXECUTE, "setup.exe /S", null, null, 5, null,
				ArchiveFormat.ZIP, 1024 * 1024);

		BuiltPackage built = this.builder.build(spec, List.of(file("setup.exe", "MZ", false)), out);

		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(concatenatedFragments(out, built)))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		assertThat(names).containsExactly("setup.exe");
	}

	@Test
	void shouldWriteTheInfoFileAsOcsreportsDoes() throws Exception {
		Path out = Files.createDirectory(this.temp.resolve("out"));

		BuiltPackage built = this.builder.build(executeSpec(1700000001L, 1024),
				List.of(file("run.sh", "echo hi\n", false)), out);

		XmlElement info = info(out);
		assertThat(info.name()).isEqualTo("DOWNLOAD");
		assertThat(info.attributes()).containsEntry("ID", "1700000001")
			.containsEntry("PRI", "5")
			.containsEntry("ACT", "EXECUTE")
			.containsEntry("DIGEST", built.digest())
			.containsEntry("PROTO", "HTTP")
			.containsEntry("FRAGS", "1")
			.containsEntry("DIGEST_ALGO", "MD5")
			.containsEntry("DIGEST_ENCODE", "Hexa")
			.containsEntry("COMMAND", "sh run.sh 'a & b' \"<c>\"")
			.containsEntry("GARDEFOU", "rien")
			.doesNotContainKeys("NAME", "PATH");
		String raw = Files.readString(out.resolve("info"), StandardCharsets.UTF_8);
		assertThat(raw).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
			.contains("&amp;")
			.contains("&lt;c&gt;");
	}

	@Test
	void shouldWriteNoFragmentForACommandOnlyPackage() throws Exception {
		Path out = Files.createDirectory(this.temp.resolve("out"));

		BuiltPackage built = this.builder.build(executeSpec(9, 1024), List.of(), out);

		assertThat(built.fragments()).isZero();
		try (var listing = Files.list(out)) {
			assertThat(listing.map((path) -> path.getFileName().toString())).containsExactly("info");
		}
		assertThat(info(out).attributes()).containsEntry("FRAGS", "0").containsEntry("DIGEST", "");
	}

	@Test
	void shouldNameTheLaunchedFileOrTheStoreFolderOnly() throws Exception {
		Path launchOut = Files.createDirectory(this.temp.resolve("launch"));
		Path storeOut = Files.createDirectory(this.temp.resolve("store"));
		OcsPackageSpec launch = new OcsPackageSpec(11, PackageAction.LAUNCH, null, "setup.sh --quiet", null, 1,
				new OcsPackageSpec.Notification(true, "Installing", 30, true, false, "Done"), ArchiveFormat.TAR_GZ,
				1024);
		OcsPackageSpec store = new OcsPackageSpec(12, PackageAction.STORE, null, null, "/opt/parc/store", 1, null,
				ArchiveFormat.TAR_GZ, 1024);

		this.builder.build(launch, List.of(file("setup.sh", "exit 3\n", true)), launchOut);
		this.builder.build(store, List.of(file("a.txt", "a", false)), storeOut);

		assertThat(info(launchOut).attributes()).containsEntry("NAME", "setup.sh --quiet")
			.containsEntry("NOTIFY_USER", "1")
			.containsEntry("NOTIFY_TEXT", "Installing")
			.containsEntry("NOTIFY_COUNTDOWN", "30")
			.containsEntry("NOTIFY_CAN_ABORT", "1")
			.containsEntry("NOTIFY_CAN_DELAY", "0")
			.containsEntry("NEED_DONE_ACTION", "1")
			.containsEntry("NEED_DONE_ACTION_TEXT", "Done")
			.doesNotContainKeys("COMMAND", "PATH");
		assertThat(info(storeOut).attributes()).containsEntry("PATH", "/opt/parc/store")
			.doesNotContainKeys("COMMAND", "NAME");
	}

	@Test
	void shouldRefuseWhatTheAgentWouldNeverRun() {
		assertThatThrownBy(() -> new OcsPackageSpec(0, PackageAction.EXECUTE, "true", null, null, 5, null,
				ArchiveFormat.TAR_GZ, 1024))
			.hasMessageContaining("positive");
		assertThatThrownBy(() -> new OcsPackageSpec(3, PackageAction.LAUNCH, null, "my-setup.sh", null, 5, null,
				ArchiveFormat.TAR_GZ, 1024))
			.hasMessageContaining("'my'")
			.hasMessageContaining("my-setup.sh");
		assertThatThrownBy(
				() -> new OcsPackageSpec(3, PackageAction.STORE, null, null, " ", 5, null, ArchiveFormat.TAR_GZ, 1024))
			.hasMessageContaining("folder");
		assertThatThrownBy(() -> new OcsPackageSpec(3, PackageAction.EXECUTE, "true", null, null, 11, null,
				ArchiveFormat.TAR_GZ, 1024))
			.hasMessageContaining("0 to 10");
	}

	@Test
	void shouldFindTheFileTheAgentLaunches() {
		assertThat(LaunchNames.fileOf("setup.sh --quiet")).isEqualTo("setup.sh");
		assertThat(LaunchNames.fileOf("my-setup.sh")).isEqualTo("my");
		LaunchNames.check("setup.sh -q --dir=/opt/a-b");
	}

	private static OcsPackageSpec executeSpec(long id, long fragmentBytes) {
		return new OcsPackageSpec(id, PackageAction.EXECUTE, "sh run.sh 'a & b' \"<c>\"", null, null, 5, null,
				ArchiveFormat.TAR_GZ, fragmentBytes);
	}

	private ArchiveEntry file(String name, String content, boolean executable) throws IOException {
		Path source = Files.createTempFile(this.temp, "src", ".bin");
		Files.writeString(source, content);
		return new ArchiveEntry(name, source, executable);
	}

	private ArchiveEntry random(String name, int size) throws IOException {
		byte[] bytes = new byte[size];
		new java.util.Random(size).nextBytes(bytes);
		Path source = Files.createTempFile(this.temp, "src", ".bin");
		Files.write(source, bytes);
		return new ArchiveEntry(name, source, false);
	}

	private static byte[] concatenatedFragments(Path folder, BuiltPackage built) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (int n = 1; n <= built.fragments(); n++) {
			all.writeBytes(Files.readAllBytes(folder.resolve(built.fragmentName(n))));
		}
		return all.toByteArray();
	}

	private static XmlElement info(Path folder) throws IOException {
		return new OcsXmlReader(100, 10000).read(Files.readAllBytes(folder.resolve("info")));
	}

}

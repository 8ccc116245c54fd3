package parc.agentlessadapter.inventory;

/**
 * The collection scripts. Each fact comes from the most common tool, with its errors
 * silenced: a target without {@code lsblk} or with unreadable DMI files still gives the
 * rest. Sections start with a {@code @@parc <name>} line.
 */
final class InventoryScripts {

	static final String LINUX = """
			echo '@@parc hostname'; hostname 2>/dev/null || uname -n
			echo '@@parc os-release'; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null
			echo '@@parc uname'; uname -r; uname -m
			echo '@@parc cpuinfo'; cat /proc/cpuinfo 2>/dev/null
			echo '@@parc meminfo'; cat /proc/meminfo 2>/dev/null
			echo '@@parc lsblk'; lsblk -b -d -n -P -o NAME,SIZE,TYPE,MODEL,SERIAL 2>/dev/null
			echo '@@parc df'; df -P -k -T -x tmpfs -x devtmpfs -x squashfs -x overlay 2>/dev/null || df -P -k -T 2>/dev/null
			echo '@@parc ip-addr'; ip -o addr show 2>/dev/null
			echo '@@parc ip-link'; ip -o link show 2>/dev/null
			echo '@@parc ip-route'; ip route show default 2>/dev/null
			echo '@@parc dmi'
			for f in sys_vendor product_name product_serial product_uuid bios_vendor bios_version bios_date; do
			  v=$(cat "/sys/class/dmi/id/$f" 2>/dev/null)
			  printf '%s=%s\\n' "$f" "$v"
			done
			if command -v dpkg-query >/dev/null 2>&1; then
			  echo '@@parc dpkg'
			  dpkg-query -W -f='${Status}\\t${Package}\\t${Version}\\t${Architecture}\\t${Installed-Size}\\n' 2>/dev/null
			elif command -v rpm >/dev/null 2>&1; then
			  echo '@@parc rpm'
			  rpm -qa --queryformat '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{SIZE}\\t%{VENDOR}\\n' 2>/dev/null
			fi
			exit 0
			""";

	static final String WINDOWS = """
			$ErrorActionPreference = 'SilentlyContinue'
			'@@parc hostname'; $env:COMPUTERNAME
			'@@parc win-os'
			$o = Get-CimInstance Win32_OperatingSystem
			"name=$($o.Caption)"; "version=$($o.Version)"; "build=$($o.BuildNumber)"; "architecture=$($o.OSArchitecture)"
			"memory_kb=$($o.TotalVisibleMemorySize)"; "swap_kb=$($o.SizeStoredInPagingFiles)"
			'@@parc win-system'
			$c = Get-CimInstance Win32_ComputerSystem; $b = Get-CimInstance Win32_BIOS; $p = Get-CimInstance Win32_ComputerSystemProduct
			"vendor=$($c.Manufacturer)"; "model=$($c.Model)"; "serial=$($b.SerialNumber)"; "uuid=$($p.UUID)"
			"bios_vendor=$($b.Manufacturer)"; "bios_version=$($b.SMBIOSBIOSVersion)"
			"bios_date=$(if ($b.ReleaseDate) { $b.ReleaseDate.ToString('yyyy-MM-dd') })"
			'@@parc win-cpu'
			Get-CimInstance Win32_Processor | ForEach-Object { "$($_.Name)`t$($_.NumberOfCores)`t$($_.NumberOfLogicalProcessors)`t$($_.MaxClockSpeed)" }
			'@@parc win-disk'
			Get-CimInstance Win32_DiskDrive | ForEach-Object { "$($_.DeviceID)`t$($_.Size)`t$($_.Model)`t$($_.SerialNumber)" }
			'@@parc win-volume'
			Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | ForEach-Object { "$($_.DeviceID)`t$($_.FileSystem)`t$($_.Size)`t$($_.FreeSpace)" }
			'@@parc win-net'
			Get-CimInstance Win32_NetworkAdapterConfiguration -Filter 'IPEnabled=True' | ForEach-Object {
			  "$($_.Description)`t$($_.MACAddress)`t$($_.IPAddress -join ',')`t$($_.IPSubnet -join ',')`t$($_.DefaultIPGateway -join ',')"
			}
			'@@parc win-programs'
			$keys = 'HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*',
			  'HKLM:\\Software\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*',
			  'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'
			Get-ItemProperty -Path $keys | Where-Object { $_.DisplayName -and -not $_.SystemComponent } | ForEach-Object {
			  $arch = if ($_.PSPath -like '*WOW6432Node*') { 'x86' } else { '' }
			  "$($_.DisplayName)`t$($_.DisplayVersion)`t$arch`t$($_.EstimatedSize)`t$($_.Publisher)"
			}
			exit 0
			""";

	private InventoryScripts() {
	}

}

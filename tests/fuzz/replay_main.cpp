// Runs every file of the given files and folders through the fuzz target once (no libFuzzer).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	namespace fs = std::filesystem;
	std::vector<fs::path> files;
	for (int i = 1; i < argc; ++i) {
		if (fs::is_directory(argv[i])) {
			for (const auto &e : fs::recursive_directory_iterator(argv[i]))
				if (e.is_regular_file())
					files.push_back(e.path());
		} else {
			files.emplace_back(argv[i]);
		}
	}
	for (const auto &f : files) {
		std::ifstream in(f, std::ios::binary);
		std::ostringstream bytes;
		bytes << in.rdbuf();
		const std::string s = bytes.str();
		LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(s.data()), s.size());
	}
	std::printf("%zu passed, 0 failed\n", files.size());
	return files.empty() ? 1 : 0;
}

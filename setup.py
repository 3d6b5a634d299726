"""Builds the tarikh package with the project's CMake: the extension, the library, its PDF
and PNG modules and the fonts, installed as CMake's component "python" (python/CMakeLists.txt)."""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        source = pathlib.Path(__file__).parent.resolve()
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        stage = pathlib.Path(self.build_temp).resolve() / "stage"
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.run(["cmake", "-S", str(source), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                        "-DTARIKH_PYTHON=ON", "-DBUILD_TESTING=OFF", "-DPython3_EXECUTABLE=" + sys.executable],
                       check=True)
        subprocess.run(["cmake", "--build", str(build), "-j", jobs, "--target", "tarikh_python"], check=True)
        shutil.rmtree(stage, ignore_errors=True)
        subprocess.run(["cmake", "--install", str(build), "--component", "python", "--prefix", str(stage)],
                       check=True)
        package = pathlib.Path(self.build_lib) / "tarikh"
        shutil.rmtree(package, ignore_errors=True)
        shutil.copytree(stage / "tarikh", package, symlinks=True)


# build-python/, not setuptools' build/: that is the CMake build tree's name.
setup(options={"build": {"build_base": "build-python"}}, packages=["tarikh"], package_dir={"": "python"}, package_data={"tarikh": ["py.typed"]},
      ext_modules=[Extension("tarikh._tarikh", sources=[])], cmdclass={"build_ext": CMakeBuild})

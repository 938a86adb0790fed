from setuptools import Extension, setup

setup(
    name="textdist",
    version="1.0.0",
    description="Edit-distance HTTP service with a C extension (dockeropt example)",
    python_requires=">=3.9",
    package_dir={"": "src"},
    packages=["textdist"],
    ext_modules=[
        # The native part: needs gcc and the Python headers to build, only the .so to run.
        Extension(
            "textdist._levenshtein",
            sources=["src/textdist/_levenshtein.c"],
            extra_compile_args=["-O2"],
        )
    ],
    entry_points={"console_scripts": ["textdist-server = textdist.server:main"]},
)

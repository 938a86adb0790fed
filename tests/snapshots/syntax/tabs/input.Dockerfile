FROM	alpine
	RUN	echo	"a	b" \
		&& echo c
	# indented comment

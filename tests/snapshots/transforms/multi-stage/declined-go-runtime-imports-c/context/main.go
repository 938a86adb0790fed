package main

/*
#include <math.h>
*/
import "C"

import "fmt"

func main() { fmt.Println(C.sqrt(2)) }

package com.example.demo;

@org.springframework.boot.autoconfigure.SpringBootApplication
public class DemoApplication {
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(DemoApplication.class, args);
    }
}

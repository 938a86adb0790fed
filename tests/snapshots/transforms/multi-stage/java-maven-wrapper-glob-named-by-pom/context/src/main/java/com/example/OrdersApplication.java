package com.example; public class OrdersApplication { public static void main(String[] args) { } }
